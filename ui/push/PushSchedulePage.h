#pragma once
// The push schedules view: a timeline of the enabled rules' runs for today
// and the next days, each with what goes to which group through which
// account when (predicted from the catalog as it is now), and the push log
// per group and per product underneath.

#include <QWidget>

class QComboBox;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace gd {

class PushService;

class PushSchedulePage : public QWidget
{
    Q_OBJECT
public:
    PushSchedulePage(PushService *service, QWidget *parent = nullptr);
    void reload();
    QTreeWidget *timeline() const { return m_timeline; }
    QTableWidget *log() const { return m_log; }

private:
    void reloadLog();

    PushService *m_service;
    QSpinBox *m_days;
    QTreeWidget *m_timeline;
    QComboBox *m_logGroup;
    QComboBox *m_logProduct;
    QTableWidget *m_log;
};

} // namespace gd
