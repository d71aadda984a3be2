#pragma once
// The delivery log of one app's webhook: every POST attempt, newest first,
// with its events, the HTTP status or the error, and how long it took.
// Refreshes as new attempts are logged.

#include "api/WebhookTypes.h"

#include <QDialog>

class QTableWidget;

namespace gd {

namespace api {
class ApiServer;
}

class WebhookLogDialog : public QDialog
{
    Q_OBJECT
public:
    WebhookLogDialog(api::ApiServer *server, const QString &appId, const QString &appName,
                     QWidget *parent = nullptr);

private:
    void reload();
    void showRows(const QVector<api::WebhookDelivery> &rows);

    api::ApiServer *m_server;
    QString m_appId;
    QTableWidget *m_table;
};

} // namespace gd
