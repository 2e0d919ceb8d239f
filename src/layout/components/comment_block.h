// A comment block for a superior (ความคิดเห็นของ ...): heading, optional printed text,
// dotted lines to write on and a signature block; one piece, never split.
#pragma once
#include "layout/block_layout.h"
#include "layout/components/signature_block.h"
#include "model/memo.h"

namespace thaidoc {

struct CommentStyle {
  int dotted_lines = 2;         // when the comment does not say (comment.dotted_lines < 0)
  bool heading_bold = false;
  double dotted_indent = 0;     // left indent of the dotted lines
  double space_before = 12;
  double signature_center = 0.62;  // fraction of the text width
  SignatureStyle signature;
};

FlowBox comment_box(const MemoComment& comment, const CommentStyle& style, const Template& tpl,
                    BlockLayouter& blocks);

}  // namespace thaidoc
