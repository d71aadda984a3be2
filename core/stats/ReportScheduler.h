#pragma once
// ReportScheduler: sends the scheduled statistics e-mail (StatsReport) when
// it is due, checking once a minute; the work (figures, word counts, the
// message, SMTP) runs on a worker thread. The SMTP settings are
// monitoring's; the password comes from the keychain through the provider,
// just before each send. The date of the last report sent is kept in the
// settings (reports/lastSent), so a restart does not send it twice.

#include "monitor/SmtpMailer.h"
#include "stats/StatsReport.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace gd {

class StatsService;

class ReportScheduler : public QObject
{
    Q_OBJECT
public:
    using PasswordProvider
        = std::function<void(std::function<void(bool ok, QString password, QString error)>)>;

    ReportScheduler(StatsService *service, PasswordProvider passwords, QObject *parent = nullptr);
    ~ReportScheduler() override; // waits for a report being sent (bounded by the SMTP timeout)

    void setSettings(const ReportSettings &report, const SmtpSettings &smtp);
    // Reads the report settings (reports/) and monitoring's SMTP settings
    // (mail/) again before each check, so edits apply without a restart.
    void followSettings();
    ReportSettings settings() const { return m_report; }
    // Sends the report of the period due at `now` whatever the schedule
    // says ("Send now" in the settings, tests). Does not touch lastSent.
    void sendNow(const QDateTime &now = QDateTime::currentDateTime());
    // The check the timer runs.
    void checkDue(const QDateTime &now = QDateTime::currentDateTime());
    bool isSending() const { return m_sending; }

signals:
    void reportSent(const QString &subject);
    void reportFailed(const QString &error);

private:
    void send(const QDateTime &now, bool scheduled);

    StatsService *m_service;
    PasswordProvider m_passwords;
    ReportSettings m_report;
    SmtpSettings m_smtp;
    QTimer m_timer;
    bool m_sending = false;
    bool m_followSettings = false;
    std::shared_ptr<std::atomic_int> m_inFlight = std::make_shared<std::atomic_int>(0);
};

} // namespace gd
