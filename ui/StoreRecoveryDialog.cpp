#include "StoreRecoveryDialog.h"

#include <QDir>
#include <QFileInfo>
#include <QPushButton>

namespace gd {

StoreRecoveryDialog::StoreRecoveryDialog(const QString &reason, const QString &databasePath,
                                         QWidget *parent)
    : QMessageBox(parent)
{
    setWindowTitle(tr("GroupDesk cannot open its archive"));
    setIcon(QMessageBox::Critical);
    // The reason names a file: plain text, never markup.
    setTextFormat(Qt::PlainText);
    setText(reason);
    setInformativeText(
        tr("You can use another data folder, or move %1 aside (it is renamed and kept, "
           "not deleted) and start a new, empty archive here.")
            .arg(QFileInfo(databasePath).fileName()));
    m_chooseFolder = addButton(tr("Choose another data folder…"), QMessageBox::AcceptRole);
    m_moveAside = addButton(tr("Move the file aside and start a new archive"),
                            QMessageBox::DestructiveRole);
    m_quit = addButton(tr("Quit"), QMessageBox::RejectRole);
    setDefaultButton(qobject_cast<QPushButton *>(m_chooseFolder));
    setEscapeButton(m_quit);
    // A read-only folder or a missing file has nothing to move aside.
    m_moveAside->setEnabled(QFileInfo::exists(databasePath)
                            && QFileInfo(QFileInfo(databasePath).absolutePath()).isWritable());
}

StoreRecoveryDialog::Choice StoreRecoveryDialog::choice() const
{
    if (clickedButton() == m_chooseFolder)
        return Choice::ChooseFolder;
    if (clickedButton() == m_moveAside)
        return Choice::MoveAside;
    return Choice::Quit;
}

} // namespace gd
