// NumPy's element formatter for one array: built once from the data that
// will be shown, then applied to each element by flat index.
#pragma once
#include <string>
#include <vector>

#include "float_format.h"
#include "gradlab/print.h"

namespace gradlab::print::detail {

class NumpyElementFormat {
 public:
  // `data`: flat indices of the elements that will be shown (the corners when
  // summarizing); they alone decide notation and widths.
  NumpyElementFormat(const View& v, const std::vector<int64_t>& data, const NumpyOptions& o);
  std::string operator()(int64_t flat_index) const;

 private:
  const View& view_;
  bool legacy_;
  std::string true_str_;
  int int_width_ = 0;
  bool f32_ = false;
  bool exp_format_ = false;
  bool unique_ = true;
  Trim trim_ = Trim::Zeros;
  int precision_ = 8;
  int min_digits_ = -1;
  int pad_left_ = 0;
  int pad_right_ = 0;
  int exp_size_ = -1;
};

}  // namespace gradlab::print::detail
