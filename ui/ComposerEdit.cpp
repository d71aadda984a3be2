#include "ComposerEdit.h"

#include <QKeyEvent>

namespace gd {

ComposerEdit::ComposerEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("composerEdit"));
    setTabChangesFocus(true);
}

void ComposerEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter) {
        if (event->modifiers() & Qt::ShiftModifier) {
            insertPlainText(QStringLiteral("\n"));
        } else if (!(event->modifiers()
                     & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
            emit submitted();
        }
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace gd
