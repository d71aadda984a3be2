#include "push/CatalogParser.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

#include <optional>

namespace gd {
namespace {

enum Column {
    Id,
    Title,
    Price,
    Coupon,
    Link,
    Image,
    Category,
    Tags,
    Available,
    Updated,
    ColumnCount
};

// Header names staff use, English and Chinese; compared lower-cased, without
// spaces and underscores.
int columnOf(QString name)
{
    name = name.trimmed().toLower();
    name.remove(QLatin1Char(' '));
    name.remove(QLatin1Char('_'));
    name.remove(QLatin1Char('-'));
    static const QHash<QString, int> names = {
        {QStringLiteral("id"), Id},
        {QStringLiteral("productid"), Id},
        {QStringLiteral("sku"), Id},
        {QStringLiteral("商品id"), Id},
        {QStringLiteral("编号"), Id},
        {QStringLiteral("title"), Title},
        {QStringLiteral("name"), Title},
        {QStringLiteral("标题"), Title},
        {QStringLiteral("商品名称"), Title},
        {QStringLiteral("名称"), Title},
        {QStringLiteral("price"), Price},
        {QStringLiteral("价格"), Price},
        {QStringLiteral("原价"), Price},
        {QStringLiteral("couponprice"), Coupon},
        {QStringLiteral("coupon"), Coupon},
        {QStringLiteral("券后价"), Coupon},
        {QStringLiteral("优惠价"), Coupon},
        {QStringLiteral("link"), Link},
        {QStringLiteral("url"), Link},
        {QStringLiteral("链接"), Link},
        {QStringLiteral("优惠链接"), Link},
        {QStringLiteral("image"), Image},
        {QStringLiteral("picture"), Image},
        {QStringLiteral("imageurl"), Image},
        {QStringLiteral("imagepath"), Image},
        {QStringLiteral("图片"), Image},
        {QStringLiteral("category"), Category},
        {QStringLiteral("类目"), Category},
        {QStringLiteral("分类"), Category},
        {QStringLiteral("tags"), Tags},
        {QStringLiteral("标签"), Tags},
        {QStringLiteral("available"), Available},
        {QStringLiteral("instock"), Available},
        {QStringLiteral("有货"), Available},
        {QStringLiteral("库存状态"), Available},
        {QStringLiteral("updatedat"), Updated},
        {QStringLiteral("updated"), Updated},
        {QStringLiteral("更新时间"), Updated},
    };
    return names.value(name, -1);
}

QString shortened(const QString &s)
{
    QString t = s;
    t.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    return t.size() > 40 ? t.left(40) + QChar(0x2026) : t;
}

struct CsvRecord
{
    int line = 0;
    QVector<QByteArray> fields;
};

// RFC 4180 at the byte level: quotes, commas and line breaks are ASCII and
// never appear inside a UTF-8 or GBK multi-byte character, so the split is
// the same whatever the encoding turns out to be.
QVector<CsvRecord> splitCsv(const QByteArray &bytes, char separator)
{
    QVector<CsvRecord> records;
    CsvRecord current;
    QByteArray field;
    bool inQuotes = false;
    bool fieldStarted = false;
    bool recordHasContent = false;
    int line = 1;
    current.line = 1;
    const qsizetype n = bytes.size();
    auto endField = [&] {
        current.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        if (recordHasContent)
            records.append(current);
        current = CsvRecord();
        recordHasContent = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const char c = bytes.at(i);
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < n && bytes.at(i + 1) == '"') {
                    field.append('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == '"' && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
            recordHasContent = true;
        } else if (c == separator) {
            endField();
            recordHasContent = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < n && bytes.at(i + 1) == '\n')
                ++i;
            endRecord();
            if (records.size() > CatalogParser::kMaxRows)
                return records;
            ++line;
            current.line = line;
        } else {
            field.append(c);
            fieldStarted = true;
            if (c != ' ' && c != '\t')
                recordHasContent = true;
        }
    }
    endRecord();
    return records;
}

// A decoder that saw an error stays in error (ICU), and a moved-to
// QStringDecoder (Qt 6.4) stops reporting errors: after an error a new one
// is made in place.
bool decodeStrict(std::optional<QStringDecoder> &decoder, const char *name, const QByteArray &bytes,
                  QString *out)
{
    if (!decoder)
        decoder.emplace(name, QStringDecoder::Flag::Stateless);
    *out = decoder->decode(bytes);
    if (!decoder->hasError())
        return true;
    decoder.reset();
    return false;
}

// Fills `p` from text fields; returns the first problem or -1.
int fillProduct(const QString (&fields)[ColumnCount], const bool (&present)[ColumnCount],
                const QTimeZone &zone, Product *p, QString *detail)
{
    for (int c = 0; c < ColumnCount; ++c) {
        if (fields[c].size() > CatalogParser::kMaxFieldChars) {
            *detail = shortened(fields[c]);
            return int(CatalogRowProblem::TooLong);
        }
    }
    p->title = fields[Title].trimmed();
    if (p->title.isEmpty())
        return int(CatalogRowProblem::MissingTitle);
    if (!CatalogParser::parsePrice(fields[Price], &p->priceCents)) {
        *detail = shortened(fields[Price]);
        return int(CatalogRowProblem::BadPrice);
    }
    p->couponCents = -1;
    if (present[Coupon] && !fields[Coupon].trimmed().isEmpty()
        && !CatalogParser::parsePrice(fields[Coupon], &p->couponCents)) {
        *detail = shortened(fields[Coupon]);
        return int(CatalogRowProblem::BadCouponPrice);
    }
    p->updatedMs = 0;
    if (!fields[Updated].trimmed().isEmpty()
        && !CatalogParser::parseDate(fields[Updated], zone, &p->updatedMs)) {
        *detail = shortened(fields[Updated]);
        return int(CatalogRowProblem::BadDate);
    }
    p->available = true;
    if (!CatalogParser::parseAvailable(fields[Available], &p->available)) {
        *detail = shortened(fields[Available]);
        return int(CatalogRowProblem::BadAvailable);
    }
    p->link = fields[Link].trimmed();
    p->image = fields[Image].trimmed();
    p->category = fields[Category].trimmed();
    p->tags = CatalogParser::splitTags(fields[Tags]);
    p->id = fields[Id].trimmed();
    if (p->id.isEmpty()) {
        // A stable id from the content, so importing the file again matches.
        const QByteArray key = (p->title + QLatin1Char('\n') + p->link).toUtf8();
        p->id = QStringLiteral("auto-")
            + QString::fromLatin1(
                    QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12));
    }
    return -1;
}

void addProduct(CatalogParseResult &result, QHash<QString, int> &seen, const Product &p, int row)
{
    if (seen.contains(p.id)) {
        result.errors.append({row, CatalogRowProblem::DuplicateId, shortened(p.id)});
        return;
    }
    seen.insert(p.id, row);
    result.products.append(p);
    result.productRows.append(row);
}

} // namespace

CatalogParseResult CatalogParser::parseCsv(const QByteArray &input, const QTimeZone &zone)
{
    CatalogParseResult result;
    QByteArray bytes = input;
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    if (bom)
        bytes.remove(0, 3);
    // Made on first use: opening an ICU converter costs more than parsing a
    // small file.
    std::optional<QStringDecoder> utf8;
    std::optional<QStringDecoder> gbk;
    QString probe;
    const bool wholeUtf8 = bom || decodeStrict(utf8, "UTF-8", bytes, &probe);
    result.encoding = wholeUtf8 ? QStringLiteral("UTF-8") : QStringLiteral("GBK");

    const qsizetype firstBreak = bytes.indexOf('\n');
    const QByteArray headLine = bytes.left(firstBreak < 0 ? bytes.size() : firstBreak);
    const char separator = (!headLine.contains(',') && headLine.contains('\t')) ? '\t' : ',';
    const QVector<CsvRecord> records = splitCsv(bytes, separator);
    if (records.isEmpty()) {
        result.fileError = QCoreApplication::translate("CatalogParser", "The file is empty.");
        return result;
    }

    auto decode = [&](const QByteArray &raw, QString *out) {
        if (wholeUtf8)
            return decodeStrict(utf8, "UTF-8", raw, out);
        // A file that is not UTF-8 as a whole: GBK first (Excel), UTF-8 for
        // a row pasted in from elsewhere.
        return decodeStrict(gbk, "GB18030", raw, out) || decodeStrict(utf8, "UTF-8", raw, out);
    };

    int map[64];
    std::fill(std::begin(map), std::end(map), -1);
    bool present[ColumnCount] = {};
    const CsvRecord &header = records.first();
    for (int i = 0; i < header.fields.size() && i < 64; ++i) {
        QString name;
        if (!decode(header.fields.at(i), &name))
            continue;
        const int c = columnOf(name);
        if (c >= 0 && !present[c]) {
            map[i] = c;
            present[c] = true;
        }
    }
    if (!present[Title] || !present[Price]) {
        result.fileError = QCoreApplication::translate(
            "CatalogParser",
            "The first line must name the columns; title and price are required (for example: "
            "id,title,price,coupon_price,link,image,category,tags,available,updated_at).");
        return result;
    }

    QHash<QString, int> seen;
    for (int r = 1; r < records.size() && r <= kMaxRows; ++r) {
        const CsvRecord &rec = records.at(r);
        QString fields[ColumnCount];
        bool encodingOk = true;
        for (int i = 0; i < rec.fields.size() && i < 64; ++i) {
            if (map[i] < 0)
                continue;
            if (!decode(rec.fields.at(i), &fields[map[i]]))
                encodingOk = false;
        }
        if (!encodingOk) {
            result.errors.append({rec.line, CatalogRowProblem::UnknownEncoding, {}});
            continue;
        }
        Product p;
        QString detail;
        const int problem = fillProduct(fields, present, zone, &p, &detail);
        if (problem >= 0) {
            result.errors.append({rec.line, CatalogRowProblem(problem), detail});
            continue;
        }
        addProduct(result, seen, p, rec.line);
    }
    return result;
}

CatalogParseResult CatalogParser::parseJson(const QByteArray &bytes, const QTimeZone &zone)
{
    CatalogParseResult result;
    result.encoding = QStringLiteral("JSON");
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else if (doc.isObject() && doc.object().value(QLatin1String("products")).isArray())
        items = doc.object().value(QLatin1String("products")).toArray();
    else {
        result.fileError = doc.isNull()
            ? QCoreApplication::translate("CatalogParser",
                                          "The file is not valid JSON: %1 "
                                          "(at byte %2).")
                  .arg(parseError.errorString())
                  .arg(parseError.offset)
            : QCoreApplication::translate(
                "CatalogParser",
                "The JSON file must hold a list of products (or an object "
                "with a \"products\" list).");
        return result;
    }
    static const char *const keys[ColumnCount][2] = {
        {"id", "sku"},
        {"title", "name"},
        {"price", "price"},
        {"coupon_price", "coupon"},
        {"link", "url"},
        {"image", "picture"},
        {"category", "category"},
        {"tags", "tags"},
        {"available", "in_stock"},
        {"updated_at", "updated"},
    };
    QHash<QString, int> seen;
    for (int i = 0; i < items.size() && i < kMaxRows; ++i) {
        const int row = i + 1;
        if (!items.at(i).isObject()) {
            result.errors.append({row, CatalogRowProblem::NotAnObject, {}});
            continue;
        }
        const QJsonObject o = items.at(i).toObject();
        QString fields[ColumnCount];
        bool present[ColumnCount] = {};
        for (int c = 0; c < ColumnCount; ++c) {
            for (const char *key : keys[c]) {
                const QJsonValue v = o.value(QLatin1String(key));
                if (v.isUndefined() || v.isNull())
                    continue;
                present[c] = true;
                if (v.isDouble()) {
                    // Numbers: prices as written ("19.9"), dates as epoch.
                    fields[c] = QString::number(v.toDouble(), 'f', c == Updated ? 0 : 2);
                } else if (v.isBool()) {
                    fields[c] = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
                } else if (v.isArray()) {
                    QStringList parts;
                    for (const auto &e : v.toArray())
                        parts << e.toString();
                    fields[c] = parts.join(QLatin1Char(';'));
                } else {
                    fields[c] = v.toString();
                }
                break;
            }
        }
        Product p;
        QString detail;
        const int problem = fillProduct(fields, present, zone, &p, &detail);
        if (problem >= 0) {
            result.errors.append({row, CatalogRowProblem(problem), detail});
            continue;
        }
        addProduct(result, seen, p, row);
    }
    return result;
}

CatalogParseResult CatalogParser::parse(const QByteArray &bytes, const QTimeZone &zone)
{
    for (const char c : bytes) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '[' || c == '{')
            return parseJson(bytes, zone);
        break;
    }
    return parseCsv(bytes, zone);
}

bool CatalogParser::parsePrice(const QString &text, qint64 *cents)
{
    QString t = text.trimmed();
    for (const QChar c : {QChar(0x00A5), QChar(0xFFE5), QChar(0x5143) /* 元 */, QChar(',')})
        t.remove(c);
    t = t.trimmed();
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9})(?:\\.(\\d{1,2})\\d*)?$"));
    const QRegularExpressionMatch m = re.match(t);
    if (!m.hasMatch())
        return false;
    QString frac = m.captured(2);
    while (frac.size() < 2)
        frac += QLatin1Char('0');
    *cents = m.captured(1).toLongLong() * 100 + frac.toInt();
    return true;
}

bool CatalogParser::parseDate(const QString &text, const QTimeZone &zone, qint64 *ms)
{
    const QString t = text.trimmed();
    static const QRegularExpression digits(QStringLiteral("^\\d{10}(\\d{3})?$"));
    if (digits.match(t).hasMatch()) {
        const qint64 v = t.toLongLong();
        *ms = t.size() == 10 ? v * 1000 : v;
        return true;
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (dt.isValid() && dt.timeSpec() != Qt::LocalTime) {
        *ms = dt.toMSecsSinceEpoch();
        return true;
    }
    static const char *const formats[]
        = {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
           "yyyy/M/d H:mm:ss",    "yyyy/M/d H:mm",    "yyyy-M-d H:mm:ss",    "yyyy-M-d H:mm",
           "yyyy-MM-dd",          "yyyy/M/d"};
    for (const char *f : formats) {
        const QDateTime local = QDateTime::fromString(t, QLatin1String(f));
        if (local.isValid()) {
            const QDateTime inZone(local.date(), local.time(), zone);
            if (!inZone.isValid())
                return false;
            *ms = inZone.toMSecsSinceEpoch();
            return true;
        }
    }
    return false;
}

bool CatalogParser::parseAvailable(const QString &text, bool *available)
{
    const QString t = text.trimmed().toLower();
    static const QStringList yes = {QString(),
                                    QStringLiteral("1"),
                                    QStringLiteral("true"),
                                    QStringLiteral("yes"),
                                    QStringLiteral("y"),
                                    QStringLiteral("是"),
                                    QStringLiteral("有"),
                                    QStringLiteral("有货"),
                                    QStringLiteral("在售")};
    static const QStringList no
        = {QStringLiteral("0"),    QStringLiteral("false"), QStringLiteral("no"),
           QStringLiteral("n"),    QStringLiteral("否"),    QStringLiteral("无"),
           QStringLiteral("无货"), QStringLiteral("缺货"),  QStringLiteral("下架")};
    if (yes.contains(t)) {
        *available = true;
        return true;
    }
    if (no.contains(t)) {
        *available = false;
        return true;
    }
    return false;
}

QStringList CatalogParser::splitTags(const QString &text)
{
    static const QRegularExpression sep(QStringLiteral("[;|,\\s\\x{3001}\\x{FF0C}\\x{FF1B}/]+"));
    QStringList tags = text.split(sep, Qt::SkipEmptyParts);
    tags.removeDuplicates();
    return tags;
}

QString CatalogParser::describe(const CatalogRowError &e)
{
    switch (e.problem) {
    case CatalogRowProblem::MissingTitle:
        return QCoreApplication::translate("CatalogParser", "row %1: the title is missing")
            .arg(e.row);
    case CatalogRowProblem::BadPrice:
        return QCoreApplication::translate("CatalogParser",
                                           "row %1: the price \"%2\" is not a price")
            .arg(e.row)
            .arg(e.detail);
    case CatalogRowProblem::BadCouponPrice:
        return QCoreApplication::translate("CatalogParser",
                                           "row %1: the coupon price \"%2\" is not a price")
            .arg(e.row)
            .arg(e.detail);
    case CatalogRowProblem::BadDate:
        return QCoreApplication::translate("CatalogParser",
                                           "row %1: the update time \"%2\" is not a date")
            .arg(e.row)
            .arg(e.detail);
    case CatalogRowProblem::UnknownEncoding:
        return QCoreApplication::translate(
                   "CatalogParser", "row %1: unknown text encoding (save the file as UTF-8 or GBK)")
            .arg(e.row);
    case CatalogRowProblem::BadAvailable:
        return QCoreApplication::translate("CatalogParser",
                                           "row %1: \"%2\" is neither yes nor no (available)")
            .arg(e.row)
            .arg(e.detail);
    case CatalogRowProblem::DuplicateId:
        return QCoreApplication::translate("CatalogParser",
                                           "row %1: the id \"%2\" appears on an earlier row")
            .arg(e.row)
            .arg(e.detail);
    case CatalogRowProblem::NotAnObject:
        return QCoreApplication::translate("CatalogParser", "entry %1: not a product object")
            .arg(e.row);
    case CatalogRowProblem::TooLong:
        return QCoreApplication::translate("CatalogParser", "row %1: a field is too long (\"%2\")")
            .arg(e.row)
            .arg(e.detail);
    case CatalogRowProblem::UnknownGroup:
        return QCoreApplication::translate("CatalogParser", "row %1: no group is called \"%2\"")
            .arg(e.row)
            .arg(e.detail);
    case CatalogRowProblem::MissingProductId:
        return QCoreApplication::translate("CatalogParser", "row %1: the product id is missing")
            .arg(e.row);
    case CatalogRowProblem::BadCount:
        return QCoreApplication::translate("CatalogParser",
                                           "row %1: \"%2\" is not a number of clicks or orders")
            .arg(e.row)
            .arg(e.detail);
    }
    return QString();
}

} // namespace gd
