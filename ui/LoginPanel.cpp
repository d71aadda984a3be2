#include "LoginPanel.h"

#include "AccountStateText.h"
#include "QrCodeRenderer.h"

#include <QFrame>
#include <QLabel>
#include <QPixmap>
#include <QVBoxLayout>

namespace gd {

LoginPanel::LoginPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_qr(new QLabel(this))
    , m_status(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("loginPanel"));
    setAttribute(Qt::WA_StyledBackground);
    m_title->setObjectName(QStringLiteral("loginTitle"));
    m_status->setObjectName(QStringLiteral("loginStatus"));
    m_hint->setObjectName(QStringLiteral("loginHint"));
    for (QLabel *label : {m_title, m_status, m_hint}) {
        label->setTextFormat(Qt::PlainText); // account names come from users and gateways
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
    }
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setFixedSize(kQrSide, kQrSide);
    m_hint->setText(
        tr("Open WeChat on the bot's phone, tap + then Scan, and point it at this code."));

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("qrCard"));
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 24, 28, 24);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(m_title);
    cardLayout->addWidget(m_qr, 0, Qt::AlignHCenter);
    cardLayout->addWidget(m_status);
    cardLayout->addWidget(m_hint);
    card->setFixedWidth(kQrSide + 120);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(card, 0, Qt::AlignHCenter);
    layout->addStretch(1);
}

void LoginPanel::setStatus(const AccountStatus &status)
{
    m_accountId = status.info.id;
    m_title->setText(
        tr("Log in %1")
            .arg(status.info.displayName.isEmpty() ? status.info.id : status.info.displayName));
    m_status->setText(AccountStateText::scanText(status.scanStatus, status.state));
    if (status.qrCode != m_qrCode) {
        m_qrCode = status.qrCode;
        m_qrImage = QrCodeRenderer::renderToFit(m_qrCode, kQrSide);
        m_qr->setPixmap(m_qrImage.isNull() ? QPixmap() : QPixmap::fromImage(m_qrImage));
    }
    // A scanned or expired code must not be scanned again: grey it out.
    m_qr->setEnabled(status.scanStatus == ScanStatus::Waiting
                     || status.scanStatus == ScanStatus::Unknown);
    m_hint->setVisible(status.state == SessionState::WaitingForScan);
}

QString LoginPanel::statusText() const
{
    return m_status->text();
}

} // namespace gd
