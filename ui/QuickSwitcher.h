#pragma once
// Ctrl+K: jump to any group or contact by typing part of its name, in
// characters or in pinyin (initials `shd` or syllables `shouhou`, any reading
// of a polyphonic character). Lists the best matches as the user types; Enter
// or a click chooses, Esc closes. The window hands it the candidates.

#include <QDialog>
#include <QVector>

class QLineEdit;
class QListWidget;

namespace gd {

struct QuickSwitcherEntry
{
    enum class Kind { Group, Contact };
    Kind kind = Kind::Group;
    QString accountId;
    QString id;
    QString name; // shown
    QStringList otherNames; // also matched (a remark, a nickname)
    QString detail; // shown after the name (account, member count)
    int unread = 0;
};

class QuickSwitcher : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMaxResults = 50;

    explicit QuickSwitcher(QWidget *parent = nullptr);

    // Candidates in their default order (most recently active first), shown
    // as they are while the query is empty.
    void setEntries(const QVector<QuickSwitcherEntry> &entries);
    // Clears the query and shows the switcher over its parent's top.
    void popup();

    QLineEdit *queryEdit() const { return m_query; }
    QListWidget *resultList() const { return m_list; }
    // The entries listed now, best first.
    QVector<QuickSwitcherEntry> results() const;

signals:
    void groupChosen(const QString &accountId, const QString &roomId);
    void contactChosen(const QString &accountId, const QString &contactId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void choose(int row);

    QLineEdit *m_query;
    QListWidget *m_list;
    QVector<QuickSwitcherEntry> m_entries;
    QVector<int> m_shown; // indexes into m_entries
};

} // namespace gd
