#pragma once
// A broadcast: one request fanned out to many groups (and accounts) as outbox
// rows sharing its id. Pausing holds its queued rows back; cancelling is final
// and turns them Cancelled, so they never go out.

#include <QMetaType>
#include <QString>

namespace gd {

enum class CampaignState : int {
    Active = 0,
    Paused = 1,
    Cancelled = 2,
};

struct Campaign
{
    qint64 id = 0; // 0: no such campaign
    QString title;
    QString origin;
    CampaignState state = CampaignState::Active;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

} // namespace gd

Q_DECLARE_METATYPE(gd::Campaign)
