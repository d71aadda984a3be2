#pragma once
// The member list that opens when staff type @ in a group's composer: the
// group's members filtered by what follows the @ (characters or pinyin, as
// in the quick switcher). It never takes the keyboard focus: the composer
// forwards Up, Down, Enter, Tab and Esc to it while it is open.

#include <QFrame>
#include <QVector>

class QListWidget;

namespace gd {

struct MentionCandidate
{
    QString id; // the member's contact id: what goes on the wire
    QString name; // as shown in the group (room alias, then nickname)
};

class MentionPicker : public QFrame
{
    Q_OBJECT
public:
    static constexpr int kMaxRows = 8;

    explicit MentionPicker(QWidget *parent = nullptr);

    void setCandidates(const QVector<MentionCandidate> &candidates);
    // Shows the members matching `filter` (all for an empty filter); returns
    // how many match.
    int setFilter(const QString &filter);
    QVector<MentionCandidate> shown() const;
    QListWidget *list() const { return m_list; }

    void moveSelection(int delta);
    // The selected member; an empty id when nothing is shown.
    MentionCandidate current() const;

signals:
    void chosen(const gd::MentionCandidate &candidate);

private:
    QListWidget *m_list;
    QVector<MentionCandidate> m_candidates;
    QVector<int> m_shown;
};

} // namespace gd
