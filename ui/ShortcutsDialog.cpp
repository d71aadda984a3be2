#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gd {

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));

    QVector<QPair<QString, QString>> rows;
    const auto actions = window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->shortcut().isEmpty() || action->isSeparator())
            continue;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        const QStringList keys = [&] {
            QStringList out;
            for (const QKeySequence &k : action->shortcuts())
                out.append(k.toString(QKeySequence::NativeText));
            return out;
        }();
        rows.append({keys.join(tr(", ")), text});
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Keys handled inside widgets, not by actions.
    rows.append({tr("Enter"), tr("Send the message")});
    rows.append({tr("Shift+Enter"), tr("New line in the message")});
    rows.append({tr("Up, Down, Enter"), tr("Choose in the quick switcher and the member picker")});

    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        m_table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnToContents(0);
    m_table->setColumnWidth(0, m_table->columnWidth(0) + 24);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(520, 480);
}

QStringList ShortcutsDialog::keys() const
{
    QStringList out;
    for (int i = 0; i < m_table->rowCount(); ++i)
        out.append(m_table->item(i, 0)->text());
    return out;
}

} // namespace gd
