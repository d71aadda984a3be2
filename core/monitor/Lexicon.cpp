#include "monitor/Lexicon.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcLexicon, "gd.monitor.lexicon")

namespace gd {

namespace {

constexpr qsizetype kMaxLexiconBytes = 16 << 20;

bool isSectionName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_'))
            return false;
    }
    return true;
}

} // namespace

char16_t Lexicon::foldChar(char16_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        c = char16_t(c - 0xFF01 + 0x21);
    else if (c == 0x3000) // ideographic space
        c = u' ';
    if (c >= u'A' && c <= u'Z')
        c = char16_t(c + (u'a' - u'A'));
    return c;
}

QString Lexicon::fold(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    char16_t *data = reinterpret_cast<char16_t *>(out.data());
    for (qsizetype i = 0; i < text.size(); ++i)
        data[i] = foldChar(text[i].unicode());
    return out;
}

std::optional<Lexicon> Lexicon::parse(QStringView text, QString *error)
{
    Lexicon lexicon;
    QString section;
    int lineNumber = 0;
    auto fail = [&](const QString &message) {
        if (error)
            *error = tr("line %1: %2").arg(lineNumber).arg(message);
        return std::nullopt;
    };
    for (QStringView rawLine : text.split(u'\n')) {
        ++lineNumber;
        QStringView line = rawLine;
        if (lineNumber == 1 && line.startsWith(QChar(0xFEFF)))
            line = line.mid(1);
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line = line.left(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        // [name] with a lower-case ASCII name starts a section; other bracketed
        // text is an entry (WeChat's emoticon codes: [怒], [OK]).
        if (line.startsWith(u'[') && line.endsWith(u']')
            && isSectionName(line.mid(1, line.size() - 2))) {
            section = line.mid(1, line.size() - 2).toString();
            if (!lexicon.m_order.contains(section))
                lexicon.m_order.append(section);
            continue;
        }
        if (section.isEmpty())
            return fail(tr("an entry before the first [section]"));
        if (section == u"settings") {
            const qsizetype eq = line.indexOf(u'=');
            if (eq <= 0)
                return fail(tr("a setting is written name = number"));
            const QString name = line.left(eq).trimmed().toString();
            bool ok = false;
            const double value = line.mid(eq + 1).trimmed().toDouble(&ok);
            if (!ok || !qIsFinite(value))
                return fail(tr("the value of %1 is not a number").arg(name));
            lexicon.m_settings.insert(name, value);
            continue;
        }
        QList<QStringView> fields;
        for (qsizetype i = 0; i < line.size();) {
            while (i < line.size() && line[i].isSpace())
                ++i;
            const qsizetype start = i;
            while (i < line.size() && !line[i].isSpace())
                ++i;
            if (i > start)
                fields.append(line.mid(start, i - start));
        }
        if (fields.isEmpty())
            continue;
        if (fields.size() > 2)
            return fail(tr("an entry is a word and an optional weight; words have no spaces"));
        Entry entry;
        entry.word = fold(fields.at(0));
        entry.line = lineNumber;
        if (fields.size() == 2) {
            bool ok = false;
            entry.weight = fields.at(1).toDouble(&ok);
            if (!ok || !qIsFinite(entry.weight))
                return fail(tr("the weight \"%1\" is not a number").arg(fields.at(1).toString()));
            entry.hasWeight = true;
        }
        lexicon.m_sections[section].append(entry);
    }
    return lexicon;
}

std::optional<Lexicon> Lexicon::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxLexiconBytes) {
        if (error)
            *error = tr("%1 is larger than %2 MB.").arg(path).arg(kMaxLexiconBytes >> 20);
        return std::nullopt;
    }
    QString parseError;
    std::optional<Lexicon> lexicon = parse(QString::fromUtf8(file.readAll()), &parseError);
    if (!lexicon) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, parseError);
        return std::nullopt;
    }
    lexicon->m_source = path;
    return lexicon;
}

QString Lexicon::defaultOverrideDir()
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return config.isEmpty() ? QString() : config + QStringLiteral("/GroupDesk/monitor");
}

Lexicon Lexicon::standard(const QString &name, const QString &overrideDir, QString *overrideError)
{
    if (!overrideDir.isEmpty()) {
        const QString path = overrideDir + u'/' + name;
        if (QFileInfo::exists(path)) {
            QString error;
            if (std::optional<Lexicon> own = load(path, &error)) {
                qCInfo(lcLexicon) << "using lexicon" << path;
                return *own;
            }
            qCWarning(lcLexicon).noquote() << "ignoring lexicon override:" << error;
            if (overrideError)
                *overrideError = error;
        }
    }
    const QString resource = QStringLiteral(":/monitor/") + name;
    QString error;
    std::optional<Lexicon> builtIn = load(resource, &error);
    if (!builtIn) {
        // A build without the resource is a packaging bug; classify with empty lists.
        qCCritical(lcLexicon).noquote() << "built-in lexicon missing:" << error;
        return Lexicon();
    }
    return *builtIn;
}

} // namespace gd
