// รายงานการประชุม (kind: minutes): the centred title block (title, ครั้งที่, date, place),
// the attendance tables, the start time, the agenda items with their discussion and
// มติที่ประชุม, the closing time and the signatures of ผู้จดรายงานการประชุม and
// ผู้ตรวจรายงานการประชุม. Every label, size and space is the template's `minutes:` section.
#pragma once
#include <string>
#include <vector>

#include "layout/block_layout.h"
#include "model/minutes.h"

namespace thaidoc {

// Appends the minutes' boxes (page-independent; pagination follows).
void layout_minutes(const Minutes& minutes, const Template& tpl, BlockLayouter& blocks, std::vector<FlowBox>& out);

// "วันพุธที่ ๑๖ พฤศจิกายน ๒๕๖๕" (with `weekday`) or "๑๖ พฤศจิกายน ๒๕๖๕".
std::string minutes_date(const ThaiDate& date, bool weekday, MonthStyle months, DigitStyle digits);

}  // namespace thaidoc
