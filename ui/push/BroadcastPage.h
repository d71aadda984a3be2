#pragma once
// Broadcasts: one message (text and/or picture) to groups chosen by tag or
// by hand, with a preview of the groups it reaches, sent now or at a time;
// the list of broadcasts with their progress, pause/resume and cancel, and
// the report per group: delivered, failed with the reason, cancelled.

#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace gd {

class PushService;
struct BroadcastReport;

class BroadcastPage : public QWidget
{
    Q_OBJECT
public:
    BroadcastPage(PushService *service, QWidget *parent = nullptr);
    void reload();
    void showBroadcast(qint64 broadcastId);
    QTableWidget *report() const { return m_report; }
    QLabel *summary() const { return m_summary; }

private:
    void previewTargets();
    void send();
    void showReport(const BroadcastReport &report);

    PushService *m_service;
    QPlainTextEdit *m_text;
    QLineEdit *m_image;
    QListWidget *m_tags;
    QListWidget *m_groups;
    QCheckBox *m_later;
    QDateTimeEdit *m_at;
    QLabel *m_targetsLabel;
    QListWidget *m_history;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QTableWidget *m_report;
    QTimer *m_refresh;
    qint64 m_shown = 0;
    bool m_paused = false;
};

} // namespace gd
