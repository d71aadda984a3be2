#pragma once
// Shown before the main window when the archive cannot be opened: the reason
// (file and cause) and the ways on: choose another data folder, move the file
// aside (renamed, kept, never deleted) and start a new archive, or quit.

#include <QMessageBox>

class QAbstractButton;

namespace gd {

class StoreRecoveryDialog : public QMessageBox
{
    Q_OBJECT
public:
    enum class Choice { ChooseFolder, MoveAside, Quit };

    StoreRecoveryDialog(const QString &reason, const QString &databasePath,
                        QWidget *parent = nullptr);

    // What the user picked (Quit if the dialog was closed otherwise).
    Choice choice() const;

    QAbstractButton *chooseFolderButton() const { return m_chooseFolder; }
    QAbstractButton *moveAsideButton() const { return m_moveAside; }
    QAbstractButton *quitButton() const { return m_quit; }

private:
    QAbstractButton *m_chooseFolder;
    QAbstractButton *m_moveAside;
    QAbstractButton *m_quit;
};

} // namespace gd
