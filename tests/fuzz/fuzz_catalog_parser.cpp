// fuzz-sources: core/push/CatalogParser.cpp core/push/Product.cpp
// Catalog files (CSV from Excel in UTF-8 or GBK, JSON from other tools) are
// any bytes. CatalogParser::parse must never crash; every product it returns
// has a non-empty title, a unique non-empty id, prices that are not negative
// (or -1 for "no coupon"), and a row number; every bad row has a row number
// and a reason that reads as text; a file-level error means no products.
#include "push/CatalogParser.h"

#include <QSet>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace gd;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QTimeZone zone = QTimeZone::utc();
    const CatalogParseResult r = CatalogParser::parse(bytes, zone);
    check(r.products.size() == r.productRows.size());
    if (!r.fileError.isEmpty())
        check(r.products.isEmpty());
    QSet<QString> ids;
    for (qsizetype i = 0; i < r.products.size(); ++i) {
        const Product &p = r.products.at(i);
        check(!p.title.trimmed().isEmpty());
        check(!p.id.isEmpty());
        check(!ids.contains(p.id));
        ids.insert(p.id);
        check(p.priceCents >= 0);
        check(p.couponCents >= -1);
        check(r.productRows.at(i) >= 1);
        check(p.title.size() <= CatalogParser::kMaxFieldChars);
        // What the parser accepted as a price reads back the same.
        qint64 again = -1;
        check(CatalogParser::parsePrice(Product::formatCents(p.priceCents), &again));
        check(again == p.priceCents);
    }
    for (const CatalogRowError &e : r.errors) {
        check(e.row >= 1);
        check(!CatalogParser::describe(e).isEmpty());
    }
    // Both parsers on their own agree with parse() for their kind of input.
    const CatalogParseResult csv = CatalogParser::parseCsv(bytes, zone);
    const CatalogParseResult json = CatalogParser::parseJson(bytes, zone);
    check(csv.products.size() == r.products.size() || json.products.size() == r.products.size());
    return 0;
}
