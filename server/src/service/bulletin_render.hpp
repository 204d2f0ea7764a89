// A bulletin as the files leaders receive: the document report::BulletinPdf typesets (layout of
// shared/design/BULLETIN.md) and the data annex workbook. Pure mapping plus the report layer's
// writers; thread-safe.
#pragma once

#include <string>

#include "common/clock.hpp"
#include "domain/bulletin.hpp"
#include "report/bulletin_document.hpp"

namespace minqing::service {

/// "吉林市社区居民社情民意绿色通道工作办公室" for the division "吉林市".
std::string IssuingOfficeName(const std::string& division_name);

/// The document of `bulletin`: the issue label ("第 3 期", "专报第 1 期", "草稿" before it is
/// issued), the office, the date of issue (or `now` for a draft), the period line, numbered
/// sections with their paragraphs, charts and typical cases, and the distribution.
report::BulletinDocument BulletinDocumentOf(const domain::Bulletin& bulletin,
                                            const std::string& issuer_name, Instant now);

/// The annex (.xlsx bytes): a sheet of every figure by section, and one sheet per chart.
std::string BulletinAnnex(const domain::Bulletin& bulletin);

/// "2026年12月5日".
std::string ChineseDate(Instant at);

}  // namespace minqing::service
