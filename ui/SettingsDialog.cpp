#include "SettingsDialog.h"

#include "AppSettings.h"
#include "store/DatabaseAddress.h"
#include "util/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace gd {

namespace {
QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("settingsNote"));
    label->setWordWrap(true);
    label->setEnabled(false); // the muted colour of a hint
    return label;
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_mentions(new QCheckBox(tr("A message mentions the bot (@)"), this))
    , m_watched(new QCheckBox(tr("A customer writes in a watched group"), this))
    , m_closeToTray(
          new QCheckBox(tr("Closing the window keeps the accounts running in the tray"), this))
    , m_rate(new QDoubleSpinBox(this))
    , m_burst(new QSpinBox(this))
    , m_jitter(new QSpinBox(this))
    , m_archive(new QLineEdit(this))
    , m_archivePassword(new QLineEdit(this))
    , m_testConnection(new QPushButton(tr("Test connection"), this))
    , m_connection(new QLabel(this))
    , m_secrets(new SecretStore(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_language->addItem(tr("Same as the system"), QStringLiteral("system"));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("Simplified Chinese (简体中文)"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings->language())));

    m_theme->addItem(tr("Follow the system"), QVariant::fromValue(int(Theme::Mode::System)));
    m_theme->addItem(tr("Light"), QVariant::fromValue(int(Theme::Mode::Light)));
    m_theme->addItem(tr("Dark"), QVariant::fromValue(int(Theme::Mode::Dark)));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(settings->theme()))));

    m_fontSize->setRange(AppSettings::kMinFontSize - 1, AppSettings::kMaxFontSize);
    m_fontSize->setSpecialValueText(tr("Default")); // the minimum stands for 0
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setValue(settings->fontSize() == 0 ? m_fontSize->minimum() : settings->fontSize());

    m_mentions->setChecked(settings->notifyMentions());
    m_watched->setChecked(settings->notifyWatchedGroups());
    m_closeToTray->setChecked(settings->closeToTray());

    m_rate->setRange(0.01, 20.0);
    m_rate->setDecimals(2);
    m_rate->setSingleStep(0.1);
    m_rate->setSuffix(tr(" per second"));
    m_rate->setValue(settings->sendRatePerSecond());
    m_burst->setRange(1, 20);
    m_burst->setValue(settings->sendBurst());
    m_jitter->setRange(0, 10000);
    m_jitter->setSingleStep(50);
    m_jitter->setSuffix(tr(" ms"));
    m_jitter->setValue(settings->sendJitterMs());

    auto *look = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(look);
    lookForm->addRow(tr("Language:"), m_language);
    lookForm->addRow(QString(), note(tr("A new language shows after GroupDesk restarts."), look));
    lookForm->addRow(tr("Theme:"), m_theme);
    lookForm->addRow(tr("Font size:"), m_fontSize);

    auto *notify = new QGroupBox(tr("Notify me when"), this);
    auto *notifyLayout = new QVBoxLayout(notify);
    notifyLayout->addWidget(m_mentions);
    notifyLayout->addWidget(m_watched);
    notifyLayout->addWidget(
        note(tr("Watch a group from its right-click menu in the group list."), notify));

    auto *pacing = new QGroupBox(tr("Send pacing (per account)"), this);
    auto *pacingForm = new QFormLayout(pacing);
    pacingForm->addRow(tr("Messages:"), m_rate);
    pacingForm->addRow(tr("Burst:"), m_burst);
    pacingForm->addRow(tr("Random delay up to:"), m_jitter);
    pacingForm->addRow(QString(),
                       note(tr("Slower pacing looks less like a bot to WeChat. Applies to "
                               "accounts when GroupDesk starts again."),
                            pacing));

    auto *window = new QGroupBox(tr("Window"), this);
    auto *windowLayout = new QVBoxLayout(window);
    windowLayout->addWidget(m_closeToTray);
    windowLayout->addWidget(note(tr("Quit from the File menu or the tray icon's menu."), window));

    // Team mode: the archive the team shares, on a PostgreSQL server.
    m_archive->setObjectName(QStringLiteral("sharedArchiveEdit"));
    m_archive->setText(settings->sharedArchive());
    m_archive->setPlaceholderText(
        QStringLiteral("postgresql://user@host:5432/groupdesk?sslmode=verify-full"));
    m_archive->setClearButtonEnabled(true);
    m_archivePassword->setObjectName(QStringLiteral("archivePasswordEdit"));
    m_archivePassword->setEchoMode(QLineEdit::Password);
    m_archivePassword->setPlaceholderText(tr("Leave empty to keep the saved password"));
    m_testConnection->setObjectName(QStringLiteral("testConnectionButton"));
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_connection->setTextFormat(Qt::PlainText); // the server's name and words come from outside
    m_connection->setWordWrap(true);
    m_connection->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_testConnection, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(&m_check, &QFutureWatcher<ServerArchive::Check>::finished, this, [this] {
        const ServerArchive::Check result = m_check.result();
        m_testConnection->setEnabled(true);
        showConnection(result.message);
    });
    auto *team = new QGroupBox(tr("Shared archive (team)"), this);
    auto *teamForm = new QFormLayout(team);
    teamForm->addRow(tr("Server address:"), m_archive);
    teamForm->addRow(tr("Password:"), m_archivePassword);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testConnection);
    testRow->addWidget(m_connection, 1);
    teamForm->addRow(QString(), testRow);
    teamForm->addRow(QString(),
                     note(tr("With an address, GroupDesk opens the team's archive when it starts "
                             "again, as a team console: the engines (groupdesk --headless) run the "
                             "accounts. Leave it empty to keep the archive on this computer. The "
                             "password is kept in the system keychain; sslmode=verify-full checks "
                             "the server's certificate."),
                          team));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(look);
    layout->addWidget(notify);
    layout->addWidget(pacing);
    layout->addWidget(window);
    layout->addWidget(team);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void SettingsDialog::apply()
{
    {
        const QSignalBlocker blocker(m_settings); // one changed() for the whole dialog
        m_settings->setLanguage(m_language->currentData().toString());
        m_settings->setTheme(Theme::Mode(m_theme->currentData().toInt()));
        m_settings->setFontSize(m_fontSize->value() == m_fontSize->minimum() ? 0
                                                                             : m_fontSize->value());
        m_settings->setNotifyMentions(m_mentions->isChecked());
        m_settings->setNotifyWatchedGroups(m_watched->isChecked());
        m_settings->setCloseToTray(m_closeToTray->isChecked());
        if (m_rate->value() != m_settings->sendRatePerSecond()
            || m_burst->value() != m_settings->sendBurst()
            || m_jitter->value() != m_settings->sendJitterMs())
            m_settings->setSendPacing(m_rate->value(), m_burst->value(), m_jitter->value());
        m_settings->setSharedArchive(m_archive->text());
    }
    emit m_settings->changed();
}

void SettingsDialog::save()
{
    if (m_savingPassword)
        return;
    const QString location = m_archive->text().trimmed();
    const QString password = m_archivePassword->text();
    if (!location.isEmpty()) {
        QString why;
        const DatabaseAddress address = DatabaseAddress::parse(location, &why);
        if (!address.isServer()) {
            showConnection(
                address.isValid() ? tr("The shared archive needs a postgresql:// address.") : why);
            m_archive->setFocus();
            return;
        }
    } else if (!password.isEmpty()) {
        showConnection(tr("Enter the server address the password belongs to."));
        m_archive->setFocus();
        return;
    }
    if (password.isEmpty()) {
        apply();
        accept();
        return;
    }
    // The keychain answers later: the dialog waits for it, so a failure
    // can still be shown here.
    m_savingPassword = true;
    m_ok->setEnabled(false);
    showConnection(tr("Keeping the password in the keychain…"));
    m_secrets->writeSecret(
        ServerArchive::passwordKey(location), password, [this](bool ok, const QString &error) {
            m_savingPassword = false;
            m_ok->setEnabled(true);
            if (!ok) {
                showConnection(tr("The password could not be kept in the keychain: %1").arg(error));
                return;
            }
            m_archivePassword->clear();
            apply();
            accept();
        });
}

void SettingsDialog::reject()
{
    if (!m_savingPassword) // the keychain's answer comes back to this dialog
        QDialog::reject();
}

void SettingsDialog::testConnection()
{
    const QString location = m_archive->text().trimmed();
    QString why;
    const DatabaseAddress address = DatabaseAddress::parse(location, &why);
    if (!address.isServer()) {
        showConnection(address.isValid() ? tr("The shared archive needs a postgresql:// address.")
                                         : why);
        return;
    }
    m_testConnection->setEnabled(false);
    showConnection(tr("Connecting to %1…").arg(address.displayName()));
    if (const QString typed = m_archivePassword->text(); !typed.isEmpty()) {
        runCheck(location, typed);
        return;
    }
    // None typed: the one saved for this server, if any.
    m_secrets->readSecret(ServerArchive::passwordKey(location),
                          [this, location](bool ok, const QString &saved, const QString &) {
                              runCheck(location, ok ? saved : QString());
                          });
}

void SettingsDialog::runCheck(const QString &location, const QString &password)
{
    m_check.setFuture(QtConcurrent::run(
        [location, password] { return ServerArchive::check(location, password); }));
}

void SettingsDialog::showConnection(const QString &text)
{
    m_connection->setText(text);
}

} // namespace gd
