#pragma once
// An editable word list in sections, as the tone scorer and the question
// detector read it. The format (see resources/monitor/README.md):
//
//   # comment (also after an entry)
//   [section]            a section: lower-case ASCII letters, digits, '_'
//                        (other bracketed text is a word: [怒], [OK])
//   word                 an entry with the section's default weight
//   word  -2.5           an entry with its own weight
//   name = 1.5           a setting (only in the [settings] section)
//
// Words are matched as written (after full-width ASCII folding and lower-casing
// of ASCII letters). The built-in lists are Qt resources (:/monitor/NAME); a
// file of the same name in the override folder replaces one without a rebuild.

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gd {

class Lexicon
{
    Q_DECLARE_TR_FUNCTIONS(Lexicon)

public:
    struct Entry
    {
        QString word;
        double weight = 0;
        bool hasWeight = false; // false: use the section's default
        int line = 0;
    };

    // Errors say "line N: what is wrong".
    static std::optional<Lexicon> parse(QStringView text, QString *error);
    static std::optional<Lexicon> load(const QString &path, QString *error);

    // The lexicon `name` ("tone_zh.txt", "question_zh.txt"): from
    // `overrideDir`/name when that file exists and parses, else the built-in
    // resource. A broken override is reported in *overrideError and ignored.
    static Lexicon standard(const QString &name, const QString &overrideDir = defaultOverrideDir(),
                            QString *overrideError = nullptr);
    // <user config folder>/monitor (e.g. ~/.config/GroupDesk/monitor).
    static QString defaultOverrideDir();

    QStringList sectionNames() const { return m_order; }
    QList<Entry> section(const QString &name) const { return m_sections.value(name); }
    double setting(const QString &name, double fallback) const
    {
        return m_settings.value(name, fallback);
    }
    QString source() const { return m_source; } // file path or resource path

    // Full-width ASCII to half-width, ASCII letters to lower case: the same
    // length in UTF-16, so positions in the folded text are positions in the original.
    static QString fold(QStringView text);
    static char16_t foldChar(char16_t c);

private:
    QHash<QString, QList<Entry>> m_sections;
    QHash<QString, double> m_settings;
    QStringList m_order;
    QString m_source;
};

} // namespace gd
