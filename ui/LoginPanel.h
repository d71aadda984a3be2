#pragma once
// Shows the QR code of an account that waits to be scanned, and what is going
// on in words. Redrawn whenever the gateway sends a new SCAN code.

#include "engine/Engine.h"

#include <QWidget>

class QLabel;

namespace gd {

class LoginPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kQrSide = 260;

    explicit LoginPanel(QWidget *parent = nullptr);

    void setStatus(const AccountStatus &status);
    QString accountId() const { return m_accountId; }
    QString qrCode() const { return m_qrCode; }
    QString statusText() const;
    const QImage &qrImage() const { return m_qrImage; }

private:
    QLabel *m_title;
    QLabel *m_qr;
    QLabel *m_status;
    QLabel *m_hint;
    QString m_accountId;
    QString m_qrCode;
    QImage m_qrImage;
};

} // namespace gd
