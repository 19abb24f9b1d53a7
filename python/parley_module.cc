// parley._parley: the pybind11 extension under the Python package `parley`, a thin binding of
// the public C++ API (include/parley/parley.h) and of nothing else. Strings go in, JSON text comes
// out; python/parley/__init__.py turns the JSON into dicts and DataFrames. Every call that reads
// or writes the store, or extracts, runs with the GIL released, so that other Python threads run
// meanwhile (the API allows calls from any thread). A failed call raises parley.Error carrying
// the library's one-line message.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "parley/parley.h"

namespace py = pybind11;

namespace {

// What a failed call throws; pybind11 turns it into parley.Error (registered below).
class ParleyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A failed call's message, its first line only: a query's syntax error goes on with the query
// line and a caret under the place, which the first line already names ("at 1:10").
void Check(const parley::Result& r) {
  if (!r.ok()) throw ParleyError(r.message().substr(0, r.message().find('\n')));
}

const char* KindName(parley::ArticleResult::Kind kind) {
  switch (kind) {
    case parley::ArticleResult::Kind::kAdded:
      return "added";
    case parley::ArticleResult::Kind::kReplaced:
      return "replaced";
    case parley::ArticleResult::Kind::kUnchanged:
      break;
  }
  return "unchanged";
}

// One dict per article given to ingest: its id, what became of it, and whether its stored
// facts were kept without extracting it again.
py::list Outcomes(const std::vector<parley::ArticleResult>& outcomes) {
  py::list out;
  for (const auto& a : outcomes) {
    py::dict d;
    d["id"] = a.id;
    d["outcome"] = KindName(a.kind);
    d["reused"] = a.reused;
    out.append(std::move(d));
  }
  return out;
}

// An open database. Python keeps it alive while any call on it runs (the call holds a
// reference), so the GIL can be let go for the call's length. Calls from several threads run
// side by side (the API allows it); close() waits for those running, so that no call uses the
// store while it closes.
class Db {
 public:
  explicit Db(std::unique_ptr<parley::Database> db) : db_(std::move(db)) {}

  // `inputs`: (is_path, text) pairs in input order. Consecutive paths go to Ingest, consecutive
  // texts to IngestTexts; the outcomes keep the input order.
  py::list Ingest(const std::vector<std::pair<bool, std::string>>& inputs) {
    std::vector<parley::ArticleResult> outcomes;
    {
      py::gil_scoped_release unlocked;
      std::shared_lock lock(mu_);
      for (size_t i = 0; i < inputs.size();) {
        std::vector<std::string> run;
        bool paths = inputs[i].first;
        for (; i < inputs.size() && inputs[i].first == paths; ++i) run.push_back(inputs[i].second);
        std::vector<parley::ArticleResult> some;
        parley::Result r = paths ? db_->Ingest(run, &some) : db_->IngestTexts(run, &some);
        outcomes.insert(outcomes.end(), some.begin(), some.end());
        Check(r);
      }
    }
    return Outcomes(outcomes);
  }

  std::string Query(const std::string& text, const std::string& params_json) {
    std::string json;
    py::gil_scoped_release unlocked;
    std::shared_lock lock(mu_);
    Check(db_->QueryJson(text, params_json, &json));
    return json;
  }

  std::string Demands(parley::DemandFilter filter) {
    std::string json;
    py::gil_scoped_release unlocked;
    std::shared_lock lock(mu_);
    Check(db_->Demands(filter, &json));
    return json;
  }

  // Closing twice is harmless; after the first, every call fails (the API's "closed" error).
  void Close() {
    py::gil_scoped_release unlocked;
    std::unique_lock lock(mu_);
    if (closed_) return;
    closed_ = true;
    Check(db_->Close());
  }

 private:
  std::unique_ptr<parley::Database> db_;
  std::shared_mutex mu_;
  bool closed_ = false;  // guarded by mu_
};

}  // namespace

PYBIND11_MODULE(_parley, m) {
  m.doc() = "Parley's C++ API (libparley); import the package `parley`, which wraps it.";
  py::register_exception<ParleyError>(m, "Error");

  py::class_<Db>(m, "Database")
      .def("ingest", &Db::Ingest, py::arg("inputs"))
      .def("query", &Db::Query, py::arg("text"), py::arg("params_json"))
      .def(
          "demands",
          [](Db& db, std::string by, std::string of, std::string about, std::string since,
             bool timeline) {
            parley::DemandFilter f;
            f.by = std::move(by);
            f.of = std::move(of);
            f.about = std::move(about);
            f.since = std::move(since);
            f.timeline = timeline;
            return db.Demands(std::move(f));
          },
          py::arg("by"), py::arg("of"), py::arg("about"), py::arg("since"), py::arg("timeline"))
      .def("close", &Db::Close);

  m.def(
      "open",
      [](const std::string& path, bool read_only, bool create, const std::string& actors,
         int jobs) {
        parley::OpenOptions options;
        options.read_only = read_only;
        options.create_if_missing = create;
        options.actors_file = actors;
        options.jobs = jobs;
        std::unique_ptr<parley::Database> db;
        {
          py::gil_scoped_release unlocked;
          Check(parley::Database::Open(path, options, &db));
        }
        return std::make_unique<Db>(std::move(db));
      },
      py::arg("path"), py::arg("read_only"), py::arg("create"), py::arg("actors"), py::arg("jobs"));
  m.def(
      "extract",
      [](const std::string& text) {
        std::string json;
        py::gil_scoped_release unlocked;
        Check(parley::Extract(text, &json));
        return json;
      },
      py::arg("text"));
  m.def("version", &parley::Version);
}
