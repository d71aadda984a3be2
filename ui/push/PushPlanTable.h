#pragma once
// A planned push run as a table: per group the account, the due time, the
// product and why it was chosen, the rendered text, or why the group is
// skipped; the picture of the selected row beside it. Used by the rule
// preview and the schedules view.

#include "push/PushPlanner.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace gd {

class PushPlanTable : public QWidget
{
    Q_OBJECT
public:
    explicit PushPlanTable(QWidget *parent = nullptr);
    void setPlan(const QVector<PlannedSend> &plan, qint64 runMs);
    QTableWidget *table() const { return m_table; }

private:
    void showPicture(int row);

    QTableWidget *m_table;
    QLabel *m_picture;
    QVector<PlannedSend> m_plan;
};

} // namespace gd
