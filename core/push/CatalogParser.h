#pragma once
// Turns a catalog file (CSV or JSON) into products and a per-row error
// report. Never fails on odd input: a bad row is listed with its row number
// and reason and the good rows still come through. CSV files may be UTF-8
// (with or without a BOM) or GBK/GB18030 as Excel saves them in China; the
// encoding is detected per file, and a row neither decodes is reported.
// Pure: no database, no clock (times without a zone are read in `zone`).

#include "push/Product.h"

#include <QByteArray>
#include <QTimeZone>
#include <QVector>

namespace gd {

enum class CatalogRowProblem : int {
    MissingTitle = 0,
    BadPrice = 1,
    BadCouponPrice = 2,
    BadDate = 3,
    UnknownEncoding = 4,
    BadAvailable = 5,
    DuplicateId = 6,
    NotAnObject = 7, // JSON: an entry that is not an object
    TooLong = 8, // a field past kMaxFieldChars
    // Clicks/orders files (PushWorkspace::importStatsFile):
    UnknownGroup = 9, // the group is neither a known room id nor a group name
    MissingProductId = 10,
    BadCount = 11, // clicks or orders is not a whole number >= 0
};

struct CatalogRowError
{
    int row = 0; // CSV: the line the record starts on (header = 1); JSON: 1-based index
    CatalogRowProblem problem = CatalogRowProblem::MissingTitle;
    QString detail; // the offending value (plain text, shortened), may be empty
};

struct CatalogParseResult
{
    QVector<Product> products;
    QVector<int> productRows; // the row each product came from
    QVector<CatalogRowError> errors;
    QString fileError; // the whole file is unusable (no header, not JSON): translated
    QString encoding; // "UTF-8" or "GBK" (CSV), "JSON"
};

class CatalogParser
{
public:
    static constexpr int kMaxFieldChars = 4000;
    static constexpr int kMaxRows = 200000;

    static CatalogParseResult parseCsv(const QByteArray &bytes,
                                       const QTimeZone &zone = QTimeZone::systemTimeZone());
    static CatalogParseResult parseJson(const QByteArray &bytes,
                                        const QTimeZone &zone = QTimeZone::systemTimeZone());
    // By content: a file whose first non-blank byte is '[' or '{' is JSON.
    static CatalogParseResult parse(const QByteArray &bytes,
                                    const QTimeZone &zone = QTimeZone::systemTimeZone());

    // Field parsers, shared with the table editor. false on bad input.
    static bool parsePrice(const QString &text, qint64 *cents);
    static bool parseDate(const QString &text, const QTimeZone &zone, qint64 *ms);
    static bool parseAvailable(const QString &text, bool *available);
    static QStringList splitTags(const QString &text);
    // Words for a row problem, in the UI language.
    static QString describe(const CatalogRowError &error);
};

} // namespace gd
