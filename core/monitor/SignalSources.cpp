#include "monitor/SignalSources.h"

namespace gd {

MessageSignals ClassifierSignalSource::analyse(const QString &text)
{
    const Classification c = m_classifier.classify(text);
    MessageSignals s;
    s.complaint = c.complaint;
    s.tone = c.tone;
    s.question = c.question;
    s.keywords = c.keywords;
    return s;
}

MessageSignalSourceFactory defaultSignalSourceFactory()
{
    return [] { return std::make_unique<ClassifierSignalSource>(); };
}

} // namespace gd
