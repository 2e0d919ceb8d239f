// The signature block: space to sign (or a signature image), "(name)", the positions,
// and the acting line (รักษาราชการแทน ...) above the last position; centred on a point of
// the text width. Any kind can use it; it never starts a page alone.
#pragma once
#include <string>

#include "layout/block_layout.h"
#include "model/memo.h"

namespace thaidoc {

struct SignatureStyle {
  double space = 1.6 * kPointsPerCm;  // blank space to sign in, above the (name)
  double space_before = 6;            // before the block
};

// Centred on `center` (relative to the left margin) within the text width.
FlowBox signature_box(const Signature& signer, const SignatureStyle& style, const Template& tpl,
                      BlockLayouter& blocks, double center);

}  // namespace thaidoc
