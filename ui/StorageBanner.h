#pragma once
// A red strip over the main window's content while the archive cannot write:
// why, and how many messages wait ("The archive cannot write: the disk is
// full. 1,234 messages are waiting."). Hidden while commits succeed; it goes
// away by itself when the store recovers.

#include "store/StoreWriteState.h"

#include <QFrame>

class QLabel;

namespace gd {

class Store;

class StorageBanner : public QFrame
{
    Q_OBJECT
public:
    explicit StorageBanner(Store *store, QWidget *parent = nullptr);

    QString text() const; // what the banner says now (empty while hidden)

public slots:
    void setState(const gd::StoreWriteState &state);

private:
    QLabel *m_label;
};

} // namespace gd
