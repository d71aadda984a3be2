#pragma once
// Ctrl+/: every keyboard shortcut of the window in one table, read from the
// window's actions (so it cannot drift from what the keys do) plus the keys
// that belong to single widgets (Enter in the composer, arrows in lists).

#include <QDialog>

class QTableWidget;

namespace gd {

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The listed shortcuts in the native text form ("Ctrl+K"), for tests.
    QStringList keys() const;

private:
    QTableWidget *m_table;
};

} // namespace gd
