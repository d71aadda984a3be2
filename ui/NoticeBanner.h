#pragma once
// A strip over the main window's content with something the user should
// know but need not answer (the console's start in team mode, live updates
// paused or back, an API port that is taken): the text, plain, and a button
// that dismisses it. Never modal: the window stays usable, and a later
// notice replaces the one shown.

#include <QFrame>

class QLabel;
class QToolButton;

namespace gd {

class NoticeBanner : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBanner(QWidget *parent = nullptr);

    QString text() const; // what the banner says now (empty while hidden)
    QToolButton *dismissButton() const { return m_dismiss; }

public slots:
    void showNotice(const QString &text);
    void dismiss();

private:
    QLabel *m_label;
    QToolButton *m_dismiss;
};

} // namespace gd
