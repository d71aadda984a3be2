#include "StorageBanner.h"

#include "store/Store.h"

#include <QHBoxLayout>
#include <QLabel>

namespace gd {

StorageBanner::StorageBanner(Store *store, QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("storageBanner"));
    setAttribute(Qt::WA_StyledBackground); // its colours: Theme::styleSheet()
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_label, 1);
    hide();
    if (store) {
        // Emitted on the writer's thread: queued to this one.
        connect(store, &Store::writeStateChanged, this, &StorageBanner::setState,
                Qt::QueuedConnection);
        setState(store->writeState());
    }
}

QString StorageBanner::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void StorageBanner::setState(const StoreWriteState &state)
{
    if (state.writing()) {
        hide();
        m_label->clear();
        return;
    }
    m_label->setText(state.userText());
    setToolTip(state.detail); // SQLite's words, for whoever looks closer
    show();
}

} // namespace gd
