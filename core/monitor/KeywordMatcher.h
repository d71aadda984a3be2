#pragma once
// Finds many literal words and regular expressions in a message in one pass
// each: the literal words through one Hyperscan (vectorscan) database, the
// regular expressions through one RE2::Set (linear time, memory-bounded), so
// the cost does not grow with a loop over the keywords and a user's pattern
// can neither backtrack forever nor take unbounded memory.
//
// Matching is case-insensitive and treats full-width ASCII (ＡＢＣ１２３！) as
// its half-width form, for literal words and regular expressions alike.
// Each matched entry is reported once, at its first occurrence, with its
// position in UTF-16 code units of the text given (QString indices).
//
// Built once, then immutable: match() may be called from many threads at once
// (each call borrows its own Hyperscan scratch space from a small pool).

#include "monitor/Severity.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>

namespace gd {

struct KeywordPattern
{
    enum class Kind { Literal, Regex };

    QString text; // the literal word or the RE2 pattern
    Kind kind = Kind::Literal;
    Severity severity = Severity::Medium;
    int tag = 0; // the caller's own number (a rule index, a database id), reported back
};

struct KeywordHit
{
    int pattern = -1; // index into KeywordMatcher::patterns()
    qsizetype start = 0; // first occurrence, in UTF-16 code units
    qsizetype length = 0;
};

// A pattern that was refused, and why (in words a rule author understands).
struct PatternError
{
    int pattern = -1; // index into the patterns given
    QString reason;
};

struct KeywordMatcherLimits
{
    qsizetype maxLiteralLength = 256; // characters
    qsizetype maxRegexLength = 2048; // characters
    qint64 regexMemoryBytes = 8 << 20; // per regular expression (RE2 max_mem)
    qint64 regexSetMemoryBytes = 64 << 20; // all regular expressions together
};

class KeywordMatcher
{
    Q_DECLARE_TR_FUNCTIONS(KeywordMatcher)

public:
    // Matches nothing.
    KeywordMatcher();
    // Compiles `patterns`. A pattern that cannot be used (empty, too long, a
    // regular expression that does not compile, exceeds its memory budget or
    // matches the empty text) is left out and listed in errors(); the others work.
    explicit KeywordMatcher(QList<KeywordPattern> patterns,
                            const KeywordMatcherLimits &limits = {});
    ~KeywordMatcher();
    KeywordMatcher(const KeywordMatcher &) = delete;
    KeywordMatcher &operator=(const KeywordMatcher &) = delete;

    const QList<KeywordPattern> &patterns() const;
    const QList<PatternError> &errors() const;
    bool isEmpty() const; // no usable pattern

    // Matched entries, ordered by start position (then pattern index).
    QList<KeywordHit> match(QStringView text) const;

    // Why `pattern` would be refused as a regular expression, or an empty
    // string if it is usable (for editors: checked as the user types).
    static QString regexError(const QString &pattern, const KeywordMatcherLimits &limits = {});
    // The same for a literal word.
    static QString literalError(const QString &word, const KeywordMatcherLimits &limits = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace gd
