#pragma once
// ReportSettingsDialog: the scheduled statistics e-mail: on or off, daily or
// weekly, from which hour, how many words it lists. The mail goes through
// monitoring's e-mail settings (server, recipients, password in the
// keychain), which the dialog names; "Send now" sends the latest report at
// once to try it.

#include "stats/StatsReport.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace gd {

class ReportScheduler;
class SecretStore;
class StatsService;

class ReportSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    ReportSettingsDialog(StatsService *service, QWidget *parent = nullptr);
    ~ReportSettingsDialog() override;

    ReportSettings settings() const;
    void accept() override; // saves under reports/

private:
    void sendNow();

    StatsService *m_service;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ReportScheduler> m_trial;
    QCheckBox *m_enabled;
    QComboBox *m_frequency;
    QSpinBox *m_hour;
    QSpinBox *m_words;
    QLabel *m_mailInfo;
    QPushButton *m_sendNow;
    QLabel *m_status;
};

} // namespace gd
