#pragma once
// Lets files be dropped onto a widget (the feed) without the widget knowing:
// an event filter that accepts drags carrying local files and reports each
// dropped file's path.

#include <QObject>

class QWidget;

namespace gd {

class FileDropFilter : public QObject
{
    Q_OBJECT
public:
    // Enables drops on target and filters its events.
    explicit FileDropFilter(QWidget *target);

signals:
    void fileDropped(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace gd
