#pragma once
// Group cleanup: the account's groups with their health (stars, customers
// and staff replies in 30 days, last customer message) and tags; staff pick
// groups by rating, by tag or by hand, look at the preview of what will be
// left, confirm, and watch the bot leave them one at a time with each
// group's outcome. Also the "quiet groups" list (only quiet ones shown).

#include "ops/GroupCleanup.h"
#include "ops/GroupHealth.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace gd {

class GroupCleanupDialog : public QDialog
{
    Q_OBJECT
public:
    GroupCleanupDialog(const QString &accountId, GroupCleanup *cleanup, QWidget *parent = nullptr);

    // The groups to offer with their activity and tags; left groups are
    // shown as left and cannot be picked.
    void setGroups(const QVector<GroupActivityCounts> &groups,
                   const QHash<QString, QStringList> &tags, const QSet<QString> &leftRooms,
                   qint64 nowMs);
    void setQuietOnly(bool quietOnly);

    // Selection (by rating, tag, hand) and the steps.
    void selectUpToStars(int stars);
    void selectTag(const QString &tag);
    void setChecked(const QString &roomId, bool checked);
    QStringList checkedRoomIds() const;
    void showPreview(); // the page with what will be left
    void confirm(); // starts leaving
    QTableWidget *table() const { return m_table; }
    QTableWidget *previewTable() const { return m_preview; }
    QLabel *previewSummary() const { return m_previewSummary; }

private:
    void rebuildTable();
    void onGroupFinished(const CleanupResult &result, int done, int total);

    QString m_accountId;
    GroupCleanup *m_cleanup;
    QVector<GroupActivityCounts> m_groups;
    QHash<QString, QStringList> m_tags;
    QSet<QString> m_left;
    QSet<QString> m_checked;
    qint64 m_nowMs = 0;
    bool m_quietOnly = false;

    QStackedWidget *m_pages;
    QTableWidget *m_table;
    QCheckBox *m_quietBox;
    QSpinBox *m_starsBox;
    QComboBox *m_tagBox;
    QLabel *m_selectionLabel;
    QPushButton *m_previewButton;
    QTableWidget *m_preview;
    QLabel *m_previewSummary;
    QPushButton *m_confirmButton;
    QLabel *m_progress;
};

} // namespace gd
