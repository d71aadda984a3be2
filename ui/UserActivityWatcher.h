#pragma once
// Tells when the user acts in some widgets: a key press, a click or a wheel
// turn. Used to learn that a group opened for the user (at start) has been
// looked at, so its unread count is not cleared behind their back.

#include <QObject>

class QWidget;

namespace gd {

class UserActivityWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UserActivityWatcher(QObject *parent = nullptr);

    void watch(QWidget *widget);

signals:
    void activity();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace gd
