#pragma once
// Staff's own marks on groups, per account: pinned (kept at the top of the
// list) and muted (no red badge, no notifications). Preferences of this
// desktop, so they live in QSettings (rooms/<account>/pinned, .../muted),
// not in the archive.

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class QSettings;

namespace gd {

class RoomPreferences : public QObject
{
    Q_OBJECT
public:
    // `settingsFile` empty: the application's QSettings.
    explicit RoomPreferences(const QString &settingsFile = {}, QObject *parent = nullptr);
    ~RoomPreferences() override;

    bool isPinned(const QString &accountId, const QString &roomId) const;
    bool isMuted(const QString &accountId, const QString &roomId) const;
    void setPinned(const QString &accountId, const QString &roomId, bool pinned);
    void setMuted(const QString &accountId, const QString &roomId, bool muted);

signals:
    void changed(const QString &accountId);

private:
    QSet<QString> &set(const QString &key) const; // loaded on first use
    void save(const QString &key);

    std::unique_ptr<QSettings> m_settings;
    mutable QHash<QString, QSet<QString>> m_sets; // "rooms/<account>/pinned" -> room ids
};

} // namespace gd
