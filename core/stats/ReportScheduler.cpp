#include "stats/ReportScheduler.h"

#include "monitor/AlertMailer.h"
#include "stats/StatsService.h"

#include <QPointer>
#include <QSettings>
#include <QThread>
#include <QThreadPool>
#include <QCoreApplication>

namespace gd {

ReportScheduler::ReportScheduler(StatsService *service, PasswordProvider passwords, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_passwords(std::move(passwords))
{
    m_timer.setInterval(60'000);
    connect(&m_timer, &QTimer::timeout, this, [this] { checkDue(); });
    m_timer.start();
}

ReportScheduler::~ReportScheduler()
{
    while (m_inFlight->load() > 0)
        QThread::msleep(10);
}

void ReportScheduler::setSettings(const ReportSettings &report, const SmtpSettings &smtp)
{
    m_report = report;
    m_smtp = smtp;
}

void ReportScheduler::followSettings()
{
    m_followSettings = true;
    QSettings settings;
    setSettings(ReportSettings::load(settings), AlertMailSettings::load(settings).smtp);
}

void ReportScheduler::checkDue(const QDateTime &now)
{
    if (m_followSettings && !m_sending) {
        QSettings settings;
        setSettings(ReportSettings::load(settings), AlertMailSettings::load(settings).smtp);
    }
    if (m_sending || !m_report.enabled)
        return;
    const QDate lastSent = QSettings().value(QStringLiteral("reports/lastSent")).toDate();
    if (StatsReport::isDue(m_report, lastSent, now))
        send(now, true);
}

void ReportScheduler::sendNow(const QDateTime &now)
{
    if (!m_sending)
        send(now, false);
}

void ReportScheduler::send(const QDateTime &now, bool scheduled)
{
    m_sending = true;
    QPointer<ReportScheduler> self(this);
    m_passwords(
        [self, now, scheduled](bool ok, const QString &password, const QString &keychainError) {
            if (!self)
                return;
            if (!ok && !self->m_smtp.user.isEmpty()) {
                self->m_sending = false;
                emit self->reportFailed(keychainError);
                return;
            }
            const ReportSettings report = self->m_report;
            const SmtpSettings smtp = self->m_smtp;
            StatsService *service = self->m_service;
            auto inFlight = self->m_inFlight;
            ++*inFlight;
            QThreadPool::globalInstance()->start([self, service, report, smtp, password, now,
                                                  scheduled, inFlight] {
                QString error;
                const StatsRequest request = StatsReport::requestFor(report, now);
                StatsFigures figures = service->figuresNow(request, &error);
                WordFrequencyResult words;
                if (error.isEmpty() && report.topWords > 0) {
                    QString wordError; // a missing dictionary leaves the words out, not the report
                    words = service->wordsNow(request, report.topWords, &wordError);
                }
                bool sent = false;
                QString subject;
                if (error.isEmpty()) {
                    subject = StatsReport::subject(figures);
                    sent = SmtpMailer::sendMessage(
                        smtp, password,
                        StatsReport::compose(smtp, figures, words.ranked,
                                             QDateTime::currentMSecsSinceEpoch()),
                        &error);
                }
                QMetaObject::invokeMethod(
                    qApp,
                    [self, sent, subject, error, now, scheduled] {
                        if (!self)
                            return;
                        self->m_sending = false;
                        if (!sent) {
                            emit self->reportFailed(error);
                            return;
                        }
                        if (scheduled)
                            QSettings().setValue(QStringLiteral("reports/lastSent"), now.date());
                        emit self->reportSent(subject);
                    },
                    Qt::QueuedConnection);
                --*inFlight;
            });
        });
}

} // namespace gd
