#include "query/call_operator.h"

#include "query/limits.h"

namespace parley::query {
namespace {

class ProcedureCallOp : public Operator {
 public:
  ProcedureCallOp(OperatorPtr input, const ProcedureInfo* proc, std::vector<CExprPtr> args,
                  std::vector<std::pair<int, int>> yields, ExecContext& ctx)
      : input_(std::move(input)),
        proc_(proc),
        args_(std::move(args)),
        yields_(std::move(yields)),
        ctx_(ctx) {}
  ~ProcedureCallOp() override { ctx_.guard().Release(held_); }

  bool Next(Row* row) override {
    while (true) {
      if (next_ < rows_.size()) {
        status_ = ctx_.guard().Check();
        if (!status_.ok()) return false;
        *row = current_;
        std::vector<Value>& out = rows_[next_++];
        for (const auto& [output, slot] : yields_) (*row)[slot] = std::move(out[output]);
        return true;
      }
      Drop();
      if (!input_->Next(&current_)) return false;
      status_ = Run();
      if (!status_.ok()) return false;
    }
  }
  Status status() const override { return status_.ok() ? input_->status() : status_; }
  void Reset() override {
    Drop();
    status_ = Status::OK();
    input_->Reset();
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    input_->Explain(depth + 1, lines);
    lines->push_back(std::string(2 * depth, ' ') + "ProcedureCall " + proc_->name);
  }

 private:
  // Evaluates the arguments on the current row and runs the procedure into rows_.
  Status Run() {
    std::vector<Value> args(args_.size());
    for (size_t i = 0; i < args_.size(); ++i) {
      Value v;
      PARLEY_RETURN_IF_ERROR(Evaluate(*args_[i], current_, ctx_, &v));
      PARLEY_RETURN_IF_ERROR(CoerceArgument(*proc_, i, v, &args[i]));
    }
    PARLEY_RETURN_IF_ERROR(proc_->body(args, ctx_, &rows_));
    for (const auto& r : rows_) {
      size_t bytes = sizeof(r);
      for (const Value& v : r) bytes += ApproxBytes(v);
      held_ += bytes;
      PARLEY_RETURN_IF_ERROR(ctx_.guard().Hold(bytes));
    }
    return Status::OK();
  }
  void Drop() {
    rows_.clear();
    next_ = 0;
    ctx_.guard().Release(held_);
    held_ = 0;
  }

  OperatorPtr input_;
  const ProcedureInfo* proc_;
  std::vector<CExprPtr> args_;
  std::vector<std::pair<int, int>> yields_;
  ExecContext& ctx_;
  Row current_;
  ProcedureRows rows_;
  size_t next_ = 0;
  size_t held_ = 0;
  Status status_;
};

}  // namespace

OperatorPtr MakeProcedureCall(OperatorPtr input, const ProcedureInfo* proc,
                              std::vector<CExprPtr> args, std::vector<std::pair<int, int>> yields,
                              ExecContext& ctx) {
  return std::make_unique<ProcedureCallOp>(std::move(input), proc, std::move(args),
                                           std::move(yields), ctx);
}

}  // namespace parley::query
