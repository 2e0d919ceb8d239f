// บันทึกข้อความ: emblem and title, header fields on dotted lines, body, closing,
// signature block right of centre, and comment blocks for superiors.
#pragma once
#include <vector>

#include "layout/block_layout.h"
#include "model/memo.h"

namespace thaidoc {

// Appends the memo's boxes (page-independent; pagination follows).
void layout_memo(const Memo& memo, const Template& tpl, BlockLayouter& blocks, std::vector<FlowBox>& out);

// A signature block: space to sign, "(name)", acting line, positions; centred
// on `center` (relative to the left margin) within the text width.
FlowBox signature_box(const Signature& signer, const Template& tpl, BlockLayouter& blocks, double center,
                      const std::string& base_dir);

}  // namespace thaidoc
