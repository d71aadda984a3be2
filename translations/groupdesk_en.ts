<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountStateText</name>
    <message numerus="yes">
        <location filename="../ui/AccountStateText.cpp" line="+114"/>
        <source>%n message(s) could not be fetched yet</source>
        <translation>
            <numerusform>%n message could not be fetched yet</numerusform>
            <numerusform>%n messages could not be fetched yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s) could not be fetched; see the log</source>
        <translation>
            <numerusform>%n message could not be fetched; see the log</numerusform>
            <numerusform>%n messages could not be fetched; see the log</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertMailer</name>
    <message numerus="yes">
        <location filename="../core/monitor/AlertMailer.cpp" line="+120"/>
        <source>[GroupDesk] %n alert(s), %1 critical</source>
        <translation>
            <numerusform>[GroupDesk] %n alert, %1 critical</numerusform>
            <numerusform>[GroupDesk] %n alerts, %1 critical</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n alert(s) were raised at about the same time:</source>
        <translation>
            <numerusform>%n alert was raised at about the same time:</numerusform>
            <numerusform>%n alerts were raised at about the same time:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertText</name>
    <message numerus="yes">
        <location filename="../core/monitor/AlertText.cpp" line="+99"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%1 has been offline for %n min</source>
        <translation>
            <numerusform>%1 has been offline for %n min</numerusform>
            <numerusform>%1 has been offline for %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 in %2 waited %n min: %3</source>
        <translation>
            <numerusform>%1 in %2 waited %n min: %3</numerusform>
            <numerusform>%1 in %2 waited %n min: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutoReplier</name>
    <message numerus="yes">
        <location filename="../core/ops/AutoReplier.cpp" line="+51"/>
        <source>Held back: the rule already answered %n time(s) in the last hour (its cap).</source>
        <translation>
            <numerusform>Held back: the rule already answered %n time in the last hour (its cap).</numerusform>
            <numerusform>Held back: the rule already answered %n times in the last hour (its cap).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesTool</name>
    <message numerus="yes">
        <location filename="../app/rules/main.cpp" line="+95"/>
        <source>%1: %n rule(s), all usable</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionPolicy</name>
    <message numerus="yes">
        <location filename="../core/push/SelectionPolicy.cpp" line="+116"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreWriteState</name>
    <message numerus="yes">
        <location filename="../core/store/StoreWriteState.cpp" line="+15"/>
        <source>The archive cannot write: the disk is full. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>The archive cannot write: the disk is full. %Ln message is waiting.</numerusform>
            <numerusform>The archive cannot write: the disk is full. %Ln messages are waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The archive cannot write: the file or its folder became read-only. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>The archive cannot write: the file or its folder became read-only. %Ln message is waiting.</numerusform>
            <numerusform>The archive cannot write: the file or its folder became read-only. %Ln messages are waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The archive cannot write: the file is damaged. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>The archive cannot write: the file is damaged. %Ln message is waiting.</numerusform>
            <numerusform>The archive cannot write: the file is damaged. %Ln messages are waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The archive cannot write: the disk reported an error. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>The archive cannot write: the disk reported an error. %Ln message is waiting.</numerusform>
            <numerusform>The archive cannot write: the disk reported an error. %Ln messages are waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The archive cannot write: another program keeps it locked. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>The archive cannot write: another program keeps it locked. %Ln message is waiting.</numerusform>
            <numerusform>The archive cannot write: another program keeps it locked. %Ln messages are waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The archive cannot write: the connection to the database server was lost; reconnecting. %Ln message(s) are waiting.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The archive cannot write. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>The archive cannot write. %Ln message is waiting.</numerusform>
            <numerusform>The archive cannot write. %Ln messages are waiting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeGatherer</name>
    <message numerus="yes">
        <location filename="../core/ops/WelcomeGatherer.cpp" line="+107"/>
        <source>Held back: this group already got %n welcome(s) in the last hour (the rule&apos;s cap).</source>
        <translation>
            <numerusform>Held back: this group already got %n welcome in the last hour (the rule&apos;s cap).</numerusform>
            <numerusform>Held back: this group already got %n welcomes in the last hour (the rule&apos;s cap).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::BroadcastPage</name>
    <message numerus="yes">
        <location filename="../ui/push/BroadcastPage.cpp" line="+221"/>
        <source>It goes to %n group(s): %1</source>
        <translation>
            <numerusform>It goes to %n group: %1</numerusform>
            <numerusform>It goes to %n groups: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::CatalogPage</name>
    <message numerus="yes">
        <location filename="../ui/push/CatalogPage.cpp" line="+96"/>
        <source>%1: numbers for %n product(s) in groups, %2 bad row(s).</source>
        <translation>
            <numerusform>%1: numbers for %n product in groups, %2 bad row(s).</numerusform>
            <numerusform>%1: numbers for %n products in groups, %2 bad row(s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::ContactsPage</name>
    <message numerus="yes">
        <location filename="../ui/ContactsPage.cpp" line="+340"/>
        <source>%1 is in %n group(s)</source>
        <translation>
            <numerusform>%1 is in %n group</numerusform>
            <numerusform>%1 is in %n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::ExportDialog</name>
    <message numerus="yes">
        <location filename="../ui/ExportDialog.cpp" line="+287"/>
        <source>Exported %n message(s)…</source>
        <translation>
            <numerusform>Exported %n message…</numerusform>
            <numerusform>Exported %n messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Exported %n message(s) to %1.</source>
        <translation>
            <numerusform>Exported %n message to %1.</numerusform>
            <numerusform>Exported %n messages to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::FeedView</name>
    <message numerus="yes">
        <location filename="../ui/FeedView.cpp" line="+228"/>
        <source>Show the whole message (%Ln characters)</source>
        <translation>
            <numerusform>Show the whole message (%Ln characters)</numerusform>
            <numerusform>Show the whole message (%Ln characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+278"/>
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n new message ↓</numerusform>
            <numerusform>%n new messages ↓</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::GroupCleanupDialog</name>
    <message numerus="yes">
        <location filename="../ui/ops/GroupCleanupDialog.cpp" line="+138"/>
        <location line="+83"/>
        <source>%n group(s) selected</source>
        <translation>
            <numerusform>%n group selected</numerusform>
            <numerusform>%n groups selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>The bot will leave these %n group(s), one every %1 seconds (about %2 s in all). Their archive (messages, members, notes) stays and can still be searched. Customers are not told.</source>
        <translation>
            <numerusform>The bot will leave these %n group, one every %1 seconds (about %2 s in all). Their archive (messages, members, notes) stays and can still be searched. Customers are not told.</numerusform>
            <numerusform>The bot will leave these %n groups, one every %1 seconds (about %2 s in all). Their archive (messages, members, notes) stays and can still be searched. Customers are not told.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="+805"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+72"/>
        <source>%1 of %n account(s) online</source>
        <translation>
            <numerusform>%1 of %n account online</numerusform>
            <numerusform>%1 of %n accounts online</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::MessageNotifier</name>
    <message numerus="yes">
        <location filename="../ui/MessageNotifier.cpp" line="+75"/>
        <source>%n messages mention you</source>
        <translation>
            <numerusform>%n message mentions you</numerusform>
            <numerusform>%n messages mention you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n new messages in watched groups</source>
        <translation>
            <numerusform>%n new message in watched groups</numerusform>
            <numerusform>%n new messages in watched groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::PushSchedulePage</name>
    <message numerus="yes">
        <location filename="../ui/push/PushSchedulePage.cpp" line="+115"/>
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::QuickSwitcher</name>
    <message numerus="yes">
        <location filename="../ui/QuickSwitcher.cpp" line="+114"/>
        <source>%1  (%n unread)</source>
        <translation>
            <numerusform>%1  (%n unread)</numerusform>
            <numerusform>%1  (%n unread)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::RoomListModel</name>
    <message numerus="yes">
        <location filename="../ui/RoomListModel.cpp" line="+369"/>
        <source>%1 · %n member(s)</source>
        <translation>
            <numerusform>%1 · %n member</numerusform>
            <numerusform>%1 · %n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::RuleEditorDialog</name>
    <message numerus="yes">
        <location filename="../ui/RuleEditorDialog.cpp" line="+460"/>
        <source>Trying the rule on the last %n day(s)…</source>
        <translation>
            <numerusform>Trying the rule on the last %n day…</numerusform>
            <numerusform>Trying the rule on the last %n days…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>This rule would have raised %n alert(s) in the last %1 day(s) (%2 messages looked at).</source>
        <translation>
            <numerusform>This rule would have raised %n alert in the last %1 day(s) (%2 messages looked at).</numerusform>
            <numerusform>This rule would have raised %n alerts in the last %1 day(s) (%2 messages looked at).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::SearchPanel</name>
    <message numerus="yes">
        <location filename="../ui/SearchPanel.cpp" line="+305"/>
        <source>Single characters are searched in the last %n day(s) only; pick a date range to look further back.</source>
        <translation>
            <numerusform>Single characters are searched in the last day only; pick a date range to look further back.</numerusform>
            <numerusform>Single characters are searched in the last %n days only; pick a date range to look further back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n message(s) shown, more available</source>
        <translation>
            <numerusform>%n message shown, more available</numerusform>
            <numerusform>%n messages shown, more available</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s) found</source>
        <translation>
            <numerusform>%n message found</numerusform>
            <numerusform>%n messages found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::StatisticsWindow</name>
    <message numerus="yes">
        <location filename="../ui/stats/StatisticsWindow.cpp" line="+730"/>
        <source>%n product name(s) will be kept whole from the next count.</source>
        <translation>
            <numerusform>%n product name(s) will be kept whole from the next count.</numerusform>
            <numerusform>%n product name(s) will be kept whole from the next count.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::TrayIcon</name>
    <message numerus="yes">
        <location filename="../ui/TrayIcon.cpp" line="+95"/>
        <source>GroupDesk: %n unread message(s), %1 mention(s) of the bot</source>
        <translation>
            <numerusform>GroupDesk: %n unread message(s), %1 mention(s) of the bot</numerusform>
            <numerusform>GroupDesk: %n unread message(s), %1 mention(s) of the bot</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>GroupDesk: %n unread message(s)</source>
        <translation>
            <numerusform>GroupDesk: %n unread message(s)</numerusform>
            <numerusform>GroupDesk: %n unread message(s)</numerusform>
        </translation>
    </message>
</context>
</TS>
