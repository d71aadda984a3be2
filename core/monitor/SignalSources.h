#pragma once
// The monitor's view of the classifier: MessageClassifier (tone lexicon,
// question detector) seen as a MessageSignalSource. defaultSignalSourceFactory()
// is what the app, the rule editor's dry run and the demo tests use.

#include "monitor/MessageClassifier.h"
#include "monitor/MessageSignals.h"

namespace gd {

class ClassifierSignalSource : public MessageSignalSource
{
public:
    MessageSignals analyse(const QString &text) override;

private:
    MessageClassifier m_classifier; // built-in lexicons (or the user's overrides)
};

// Makes a ClassifierSignalSource per thread that asks.
MessageSignalSourceFactory defaultSignalSourceFactory();

} // namespace gd
