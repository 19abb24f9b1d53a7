// A ResultWriter that hands each result row to the API's row callback (include/parley/parley.h),
// its values as JSON text, and stops the query when the callback says so or throws (the
// exception is kept, to be thrown again once the query has stopped).
#pragma once

#include <atomic>
#include <exception>
#include <string>
#include <vector>

#include "parley/parley.h"
#include "query/result_format.h"

namespace parley {

class RowCallbackWriter : public ResultWriter {
 public:
  // `stop` is set when `on_row` returns false; the query watches it (QueryLimits::cancel).
  RowCallbackWriter(const RowCallback& on_row, std::vector<std::string>* columns,
                    std::atomic<bool>* stop)
      : on_row_(on_row), columns_out_(columns), stop_(stop) {}

  void Begin(const std::vector<std::string>& columns) override;
  void Row(const std::vector<Value>& row) override;
  void End() override {}

  // What the callback threw, if it did.
  std::exception_ptr thrown() const { return thrown_; }

 private:
  const RowCallback& on_row_;
  std::vector<std::string>* columns_out_;
  std::atomic<bool>* stop_;
  std::vector<std::string> columns_;
  std::exception_ptr thrown_;
};

}  // namespace parley
