#include "AccountBanner.h"

#include "AccountStateText.h"
#include "Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gd {

AccountBanner::AccountBanner(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_reconnect(new QPushButton(tr("Reconnect now"), this))
    , m_edit(new QPushButton(tr("Edit account…"), this))
{
    setObjectName(QStringLiteral("accountBanner"));
    setAttribute(Qt::WA_StyledBackground);
    const QColor error = Theme::error();
    setStyleSheet(QStringLiteral("#accountBanner { background: rgba(%1, %2, %3, 28);"
                                 " border-bottom: 1px solid rgba(%1, %2, %3, 90); }")
                      .arg(error.red())
                      .arg(error.green())
                      .arg(error.blue()));
    m_title->setObjectName(QStringLiteral("accountBannerTitle"));
    m_reason->setObjectName(QStringLiteral("accountBannerReason"));
    // The reason quotes the gateway and the account name: plain text, whole,
    // wrapped and selectable (staff paste it into a ticket).
    for (QLabel *label : {m_title, m_reason}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    m_title->setFont(bold);
    m_reconnect->setObjectName(QStringLiteral("bannerReconnect"));
    m_edit->setObjectName(QStringLiteral("bannerEdit"));

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_reason);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(20, 8, 14, 8);
    layout->addLayout(texts, 1);
    layout->addWidget(m_reconnect, 0, Qt::AlignVCenter);
    layout->addWidget(m_edit, 0, Qt::AlignVCenter);

    connect(m_reconnect, &QPushButton::clicked, this,
            [this] { emit reconnectRequested(m_status.info.id); });
    connect(m_edit, &QPushButton::clicked, this, [this] { emit editRequested(m_status.info.id); });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &AccountBanner::refreshTexts);
    hide();
}

bool AccountBanner::wantsBanner(SessionState state)
{
    switch (state) {
    case SessionState::Offline:
    case SessionState::Connecting:
    case SessionState::Error:
    case SessionState::LoggedOut:
        return true;
    default:
        return false;
    }
}

void AccountBanner::setStatus(const AccountStatus &status)
{
    if (status.info.id != m_status.info.id || status.state != m_status.state
        || !m_stateSince.isValid())
        m_stateSince.start();
    m_status = status;
    if (status.info.id.isEmpty() || !wantsBanner(status.state)) {
        hide();
        m_tick.stop();
        return;
    }
    refreshTexts();
    if (!m_tick.isActive())
        m_tick.start();
}

void AccountBanner::refreshTexts()
{
    // Once shown it stays through the reconnect attempts (no flicker).
    setVisible(m_status.state != SessionState::Connecting || isVisible()
               || m_stateSince.elapsed() >= kConnectingGraceMs);
    const QString name
        = m_status.info.displayName.isEmpty() ? m_status.info.id : m_status.info.displayName;
    QString title;
    switch (m_status.state) {
    case SessionState::Connecting:
        title = tr("%1 is connecting to its gateway…").arg(name);
        break;
    case SessionState::LoggedOut:
        title = tr("%1 was logged out of WeChat").arg(name);
        break;
    default:
        title = tr("%1 is not connected").arg(name);
        break;
    }
    m_title->setText(title);
    // The state line already carries the reason and the countdown.
    QString reason = AccountStateText::stateText(m_status);
    if (m_status.state == SessionState::Offline && reason == tr("Offline"))
        reason.clear();
    if (!m_status.detail.isEmpty() && !reason.contains(m_status.detail))
        reason = tr("%1 %2", "state, then the full reason").arg(reason, m_status.detail).trimmed();
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

QString AccountBanner::titleText() const
{
    return m_title->text();
}

QString AccountBanner::reasonText() const
{
    return m_reason->text();
}

} // namespace gd
