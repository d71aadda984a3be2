#pragma once
// The text field of the composer: Enter sends, Shift+Enter starts a new line
// (as in WeChat). Text typed in an input method is left to the input method.

#include <QPlainTextEdit>

namespace gd {

class ComposerEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ComposerEdit(QWidget *parent = nullptr);

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace gd
