#include "monitor/KeywordMatcher.h"

#include "monitor/Lexicon.h"
#include "monitor/Utf8Text.h"

#include <QLoggingCategory>

#include <hs/hs.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

Q_LOGGING_CATEGORY(lcMatcher, "gd.monitor.matcher")

namespace gd {

namespace {

RE2::Options regexOptions(qint64 maxMem)
{
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    options.set_max_mem(maxMem);
    return options;
}

struct ScanState
{
    const std::vector<int> *literalPattern;
    const std::vector<size_t> *literalBytes;
    std::vector<std::pair<size_t, size_t>> *byteHits; // (start, end) per hit
    std::vector<int> *hitPatterns;
};

int onLiteral(unsigned int id, unsigned long long, unsigned long long to, unsigned int, void *ctx)
{
    auto *state = static_cast<ScanState *>(ctx);
    const size_t bytes = (*state->literalBytes)[id];
    state->byteHits->emplace_back(size_t(to) - bytes, size_t(to));
    state->hitPatterns->push_back((*state->literalPattern)[id]);
    return 0; // keep scanning: HS_FLAG_SINGLEMATCH already reports each word once
}

} // namespace

struct KeywordMatcher::Impl
{
    QList<KeywordPattern> patterns;
    QList<PatternError> errors;

    hs_database_t *database = nullptr;
    hs_scratch_t *prototype = nullptr;
    std::vector<int> literalPattern; // Hyperscan id -> pattern index
    std::vector<size_t> literalBytes; // Hyperscan id -> UTF-8 length
    mutable std::mutex poolMutex;
    mutable std::vector<hs_scratch_t *> pool;

    std::unique_ptr<RE2::Set> regexSet;
    std::vector<std::unique_ptr<RE2>> regexes; // Set index -> compiled regex
    std::vector<int> regexPattern; // Set index -> pattern index

    ~Impl()
    {
        for (hs_scratch_t *s : pool)
            hs_free_scratch(s);
        if (prototype)
            hs_free_scratch(prototype);
        if (database)
            hs_free_database(database);
    }

    hs_scratch_t *borrowScratch() const
    {
        {
            std::lock_guard lock(poolMutex);
            if (!pool.empty()) {
                hs_scratch_t *s = pool.back();
                pool.pop_back();
                return s;
            }
        }
        hs_scratch_t *clone = nullptr;
        if (hs_clone_scratch(prototype, &clone) != HS_SUCCESS)
            return nullptr;
        return clone;
    }
    void returnScratch(hs_scratch_t *s) const
    {
        std::lock_guard lock(poolMutex);
        pool.push_back(s);
    }

    void compileLiterals(const std::vector<int> &indices);
    void compileRegexes(const std::vector<int> &indices, const KeywordMatcherLimits &limits);
};

void KeywordMatcher::Impl::compileLiterals(const std::vector<int> &indices)
{
    if (indices.empty())
        return;
    std::vector<std::string> words;
    words.reserve(indices.size());
    for (int index : indices) {
        words.push_back(foldedUtf8(patterns.at(index).text));
        literalPattern.push_back(index);
        literalBytes.push_back(words.back().size());
    }
    std::vector<const char *> expressions;
    std::vector<unsigned int> flags(words.size(), HS_FLAG_SINGLEMATCH);
    std::vector<unsigned int> ids;
    std::vector<size_t> lengths;
    for (size_t i = 0; i < words.size(); ++i) {
        expressions.push_back(words[i].data());
        ids.push_back(unsigned(i));
        lengths.push_back(words[i].size());
    }
    hs_compile_error_t *compileError = nullptr;
    const hs_error_t rc = hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(),
                                               lengths.data(), unsigned(words.size()),
                                               HS_MODE_BLOCK, nullptr, &database, &compileError);
    if (rc != HS_SUCCESS) {
        const QString detail = compileError ? QString::fromUtf8(compileError->message)
                                            : QStringLiteral("error %1").arg(rc);
        qCWarning(lcMatcher) << "keyword database does not compile:" << detail;
        // Which word is at fault is in compileError->expression when it is one word.
        const int bad = compileError ? compileError->expression : -1;
        if (compileError)
            hs_free_compile_error(compileError);
        for (size_t i = 0; i < words.size(); ++i) {
            if (bad < 0 || size_t(bad) == i)
                errors.append(
                    {literalPattern[i], tr("The keyword list cannot be compiled: %1").arg(detail)});
        }
        database = nullptr;
        literalPattern.clear();
        literalBytes.clear();
        if (bad >= 0) {
            // Retry without the one bad word.
            std::vector<int> rest;
            for (size_t i = 0; i < indices.size(); ++i)
                if (size_t(bad) != i)
                    rest.push_back(indices[i]);
            compileLiterals(rest);
        }
        return;
    }
    if (hs_alloc_scratch(database, &prototype) != HS_SUCCESS) {
        qCWarning(lcMatcher) << "cannot allocate Hyperscan scratch space";
        hs_free_database(database);
        database = nullptr;
        for (int index : indices)
            errors.append({index, tr("Out of memory for the keyword list.")});
        literalPattern.clear();
        literalBytes.clear();
    }
}

void KeywordMatcher::Impl::compileRegexes(const std::vector<int> &indices,
                                          const KeywordMatcherLimits &limits)
{
    if (indices.empty())
        return;
    // Each regex was compiled on its own by regexError(); the set shares one budget.
    auto set
        = std::make_unique<RE2::Set>(regexOptions(limits.regexSetMemoryBytes), RE2::UNANCHORED);
    for (int index : indices) {
        const std::string pattern = patterns.at(index).text.toStdString();
        std::string error;
        if (set->Add(pattern, &error) < 0) {
            errors.append({index,
                           tr("The regular expression does not compile: %1")
                               .arg(QString::fromStdString(error))});
            continue;
        }
        regexes.push_back(std::make_unique<RE2>(pattern, regexOptions(limits.regexMemoryBytes)));
        regexPattern.push_back(index);
    }
    if (regexPattern.empty())
        return;
    if (!set->Compile()) {
        for (int index : regexPattern)
            errors.append({index,
                           tr("The regular expressions together need more memory than "
                              "allowed; remove some or make them simpler.")});
        regexes.clear();
        regexPattern.clear();
        return;
    }
    regexSet = std::move(set);
}

KeywordMatcher::KeywordMatcher()
    : d(std::make_unique<Impl>())
{}

KeywordMatcher::KeywordMatcher(QList<KeywordPattern> patterns, const KeywordMatcherLimits &limits)
    : d(std::make_unique<Impl>())
{
    d->patterns = std::move(patterns);
    std::vector<int> literals;
    std::vector<int> regexes;
    for (int i = 0; i < d->patterns.size(); ++i) {
        const KeywordPattern &p = d->patterns.at(i);
        const QString reason = p.kind == KeywordPattern::Kind::Literal
            ? literalError(p.text, limits)
            : regexError(p.text, limits);
        if (!reason.isEmpty()) {
            d->errors.append({i, reason});
            continue;
        }
        (p.kind == KeywordPattern::Kind::Literal ? literals : regexes).push_back(i);
    }
    d->compileLiterals(literals);
    d->compileRegexes(regexes, limits);
    std::sort(d->errors.begin(), d->errors.end(),
              [](const PatternError &a, const PatternError &b) { return a.pattern < b.pattern; });
}

KeywordMatcher::~KeywordMatcher() = default;

const QList<KeywordPattern> &KeywordMatcher::patterns() const
{
    return d->patterns;
}

const QList<PatternError> &KeywordMatcher::errors() const
{
    return d->errors;
}

bool KeywordMatcher::isEmpty() const
{
    return !d->database && !d->regexSet;
}

QString KeywordMatcher::literalError(const QString &word, const KeywordMatcherLimits &limits)
{
    if (word.trimmed().isEmpty())
        return tr("The keyword is empty.");
    if (word.size() > limits.maxLiteralLength)
        return tr("The keyword is longer than %1 characters.").arg(limits.maxLiteralLength);
    return {};
}

QString KeywordMatcher::regexError(const QString &pattern, const KeywordMatcherLimits &limits)
{
    if (pattern.isEmpty())
        return tr("The regular expression is empty.");
    if (pattern.size() > limits.maxRegexLength)
        return tr("The regular expression is longer than %1 characters.")
            .arg(limits.maxRegexLength);
    RE2 re(pattern.toStdString(), regexOptions(limits.regexMemoryBytes));
    if (!re.ok()) {
        if (re.error_code() == RE2::ErrorPatternTooLarge)
            return tr("The regular expression needs more memory than allowed; make it simpler.");
        return tr("The regular expression does not compile: %1")
            .arg(QString::fromStdString(re.error()));
    }
    if (RE2::PartialMatch("", re))
        return tr("The regular expression matches empty text, so it would match every message.");
    return {};
}

QList<KeywordHit> KeywordMatcher::match(QStringView text) const
{
    QList<KeywordHit> result;
    if (isEmpty() || text.isEmpty())
        return result;

    thread_local std::string utf8;
    encodeFoldedUtf8(text, &utf8);

    std::vector<std::pair<size_t, size_t>> byteHits;
    std::vector<int> hitPatterns;

    if (d->database) {
        hs_scratch_t *scratch = d->borrowScratch();
        if (!scratch) {
            qCWarning(lcMatcher) << "no Hyperscan scratch space: keywords skipped for a message";
        } else {
            ScanState state{&d->literalPattern, &d->literalBytes, &byteHits, &hitPatterns};
            // hs_scan takes an unsigned length: longer texts are scanned in the
            // first 4 GiB only, far beyond any message.
            const unsigned length = unsigned(std::min<size_t>(utf8.size(), 0xFFFFFFFFu));
            hs_scan(d->database, utf8.data(), length, 0, scratch, onLiteral, &state);
            d->returnScratch(scratch);
        }
    }

    if (d->regexSet) {
        std::vector<int> matched;
        RE2::Set::ErrorInfo info{};
        if (!d->regexSet->Match(utf8, &matched, &info) && info.kind != RE2::Set::kNoError) {
            // The shared DFA ran out of its budget on this text: fall back to each
            // regex on its own (RE2 then uses its NFA: slower, still linear).
            qCDebug(lcMatcher) << "regex set out of memory; checking regexes one by one";
            matched.clear();
            for (size_t i = 0; i < d->regexes.size(); ++i)
                if (RE2::PartialMatch(utf8, *d->regexes[i]))
                    matched.push_back(int(i));
        }
        for (int setIndex : matched) {
            re2::StringPiece found;
            const RE2 &re = *d->regexes[size_t(setIndex)];
            if (re.Match(utf8, 0, utf8.size(), RE2::UNANCHORED, &found, 1)) {
                const size_t start = size_t(found.data() - utf8.data());
                byteHits.emplace_back(start, start + found.size());
                hitPatterns.push_back(d->regexPattern[size_t(setIndex)]);
            }
        }
    }

    if (hitPatterns.empty())
        return result;
    std::vector<size_t> offsets;
    offsets.reserve(byteHits.size() * 2);
    for (const auto &[start, end] : byteHits) {
        offsets.push_back(start);
        offsets.push_back(end);
    }
    const std::vector<qsizetype> positions = utf16Offsets(utf8, offsets);
    result.reserve(qsizetype(hitPatterns.size()));
    for (size_t i = 0; i < hitPatterns.size(); ++i)
        result.append({hitPatterns[i], positions[2 * i], positions[2 * i + 1] - positions[2 * i]});
    std::sort(result.begin(), result.end(), [](const KeywordHit &a, const KeywordHit &b) {
        return a.start != b.start ? a.start < b.start : a.pattern < b.pattern;
    });
    return result;
}

} // namespace gd
