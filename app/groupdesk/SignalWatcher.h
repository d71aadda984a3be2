#pragma once
// Turns SIGTERM and SIGINT into a Qt signal in the main thread (self-pipe:
// the handler only writes one byte), so shutdown runs as ordinary code with
// the event loop alive: engines stopped, pending store writes committed.

#include <QObject>

class QSocketNotifier;

namespace gd {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace gd
