// clang-format off
// fuzz-sources: core/monitor/Lexicon.cpp core/monitor/WordTrie.cpp core/monitor/ToneScorer.cpp core/monitor/QuestionDetector.cpp
// clang-format on
// Lexicon files (resources/monitor, overridable by a user's file) and
// message text both come from outside. The input is split at the first NUL:
// a lexicon, then a message. Lexicon::parse must never crash and report a
// line number when it refuses; the scorer built from whatever parsed keeps
// its promises on any message: a finite tone within [-10, 10], complaint
// exactly when the tone reaches the threshold or an escalation word counts,
// cues and question cues that are pieces of the message.
#include "monitor/QuestionDetector.h"
#include "monitor/ToneScorer.h"

#include <cmath>
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

void checkMessage(const ToneScorer &scorer, const QuestionDetector &questions, const QString &text)
{
    const ToneResult r = scorer.score(text);
    check(std::isfinite(r.tone) && r.tone >= -10 && r.tone <= 10);
    check(r.complaint == (r.escalation || r.tone <= scorer.complaintThreshold()));
    const QString folded = Lexicon::fold(text);
    for (const QString &cue : r.cues)
        check(!cue.isEmpty() && text.contains(cue));
    const QString cue = questions.cue(text);
    check(questions.isQuestion(text) == !cue.isEmpty());
    check(cue.isEmpty() || text.contains(cue));
    Q_UNUSED(folded);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = reinterpret_cast<const char *>(data);
    const size_t split = std::find(bytes, bytes + size, '\0') - bytes;
    const QString lexiconText = QString::fromUtf8(bytes, qsizetype(split));
    const QString message = split < size
        ? QString::fromUtf8(bytes + split + 1, qsizetype(size - split - 1))
        : QStringLiteral("太差了！！！我要投诉，不是不满意吗？？");

    QString error;
    const std::optional<Lexicon> lexicon = Lexicon::parse(lexiconText, &error);
    if (!lexicon) {
        check(error.startsWith(QStringLiteral("line ")));
        return 0;
    }
    const ToneScorer scorer(*lexicon);
    const QuestionDetector questions(*lexicon);
    checkMessage(scorer, questions, message);
    checkMessage(scorer, questions, lexiconText); // the lexicon's own words as a message
    return 0;
}
