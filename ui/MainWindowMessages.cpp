// MainWindow's answers to what staff do with messages: quote one in the
// reply, @ its sender, list what that person wrote (search by sender); and
// the members of the open group for the composer's @ picker, and the bot's
// own id for highlighting messages that mention it.

#include "MainWindow.h"

#include "Composer.h"
#include "FeedView.h"
#include "SearchPanel.h"
#include "store/Store.h"
#include "store/StoreReader.h"

namespace gd {

void MainWindow::createMessageActions()
{
    connect(m_feedView, &FeedView::quoteRequested, m_composer, &Composer::insertQuote);
    connect(m_feedView, &FeedView::mentionRequested, m_composer, &Composer::insertMention);
    connect(m_feedView, &FeedView::messagesFromRequested, this,
            [this](const QString &talkerId, const QString &name) {
                showSearch(false);
                m_searchPanel->setSender(talkerId, name);
            });
    connect(m_engine, &Engine::accountStatusChanged, this, [this](const QString &accountId) {
        if (accountId == m_accountId)
            updateSelfInFeed();
    });
}

void MainWindow::updateSelfInFeed()
{
    const AccountInfo info = m_engine->status(m_accountId).info;
    m_feedView->setSelf(info.selfContactId, info.selfName);
}

void MainWindow::loadMentionCandidates()
{
    m_composer->setMembers({});
    updateSelfInFeed();
    if (m_roomId.isEmpty() || m_accountId.isEmpty())
        return;
    const QString accountId = m_accountId;
    const QString roomId = m_roomId;
    const QString selfId = m_engine->status(accountId).info.selfContactId;
    using Candidates = QVector<MentionCandidate>;
    m_store->read<Candidates>(
        this,
        [accountId, roomId, selfId](StoreReader &reader) {
            Candidates out;
            for (const RoomMember &member : reader.roomMembers(accountId, roomId)) {
                if (member.contactId == selfId)
                    continue; // the bot does not @ itself
                const QString name = !member.roomAlias.isEmpty() ? member.roomAlias
                    : !member.name.isEmpty()                     ? member.name
                                                                 : member.contactId;
                out.append({member.contactId, name});
            }
            return out;
        },
        [this, accountId, roomId](const Candidates &members) {
            if (accountId == m_accountId && roomId == m_roomId) // still the open group
                m_composer->setMembers(members);
        });
}

} // namespace gd
