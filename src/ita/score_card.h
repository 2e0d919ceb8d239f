// The score card of an ITA report (`chart: score_card`): a framed box with the total and
// its level on a coloured badge, as seed 004 prints it after the overall result:
//
//     คะแนน องค์การบริหารส่วนตำบลคลองใหม่      (title, bold)
//            76.81 คะแนน                         (the total, large, and the unit)
//        ระดับผลการประเมิน                       (label)
//              [ B ]                              (badge in the level's colour)
//                                                 (remark, optional)
//
// Lines are centred, the stack centred vertically in the box. The total and level are the
// Analysis's printed ones (a supplied total and level if given). Texts are the template's
// (report.score_card) unless the block replaces them; {organisation}, {year}, {total},
// {level}, {passed} and {pass} in them are filled in.
#pragma once
#include <string>
#include <vector>

#include "frame/frame.h"
#include "ita/ita_chart.h"
#include "ita/ita_compute.h"
#include "model/template.h"

namespace thaidoc::ita {

// The card fills width x height (items relative to the top-left corner); height 0: as tall
// as its lines need. The first item is a BoundsItem of the card (its size; every other
// item lies inside it). Throws std::invalid_argument if its lines do not fit in a given
// height (the message says how much is needed).
// `style`'s texts are used as given (the caller puts a block's own texts in them).
std::vector<FrameItem> score_card(const Analysis& analysis, const ChartText& text, double width, double height,
                                  const ScoreCardStyle& style);

// The template's style with a block's own texts (title, unit, label, note) in place.
ScoreCardStyle card_style(const ScoreCardStyle& style, const Chart& block);

// A score card text with its {...} values filled in (Arabic digits; the shaping converts them).
std::string score_card_text(const std::string& text, const Analysis& analysis);

}  // namespace thaidoc::ita
