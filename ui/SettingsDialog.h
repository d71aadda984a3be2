#pragma once
// Preferences: language, theme, font size, notifications, send pacing,
// closing to the tray, and the team's shared archive (its address, and its
// password, which goes to the keychain). Shows the values of AppSettings and
// writes them back on OK; the window applies theme and font at once, the
// rest as noted. "Test connection" runs on a worker thread: a server that
// does not answer never freezes the dialog.

#include "store/ServerArchive.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace gd {

class AppSettings;
class SecretStore;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QSpinBox *fontSizeBox() const { return m_fontSize; }
    QCheckBox *mentionsBox() const { return m_mentions; }
    QCheckBox *watchedBox() const { return m_watched; }
    QCheckBox *closeToTrayBox() const { return m_closeToTray; }
    QDoubleSpinBox *rateBox() const { return m_rate; }
    QSpinBox *burstBox() const { return m_burst; }
    QSpinBox *jitterBox() const { return m_jitter; }
    QLineEdit *sharedArchiveEdit() const { return m_archive; }
    QLineEdit *archivePasswordEdit() const { return m_archivePassword; }
    QPushButton *testConnectionButton() const { return m_testConnection; }
    QLabel *connectionLabel() const { return m_connection; }

    // Writes the dialog's values to the settings (OK does this, after it
    // checked the address and kept a new password in the keychain).
    void apply();
    // Tries the address (with the password typed, else the saved one);
    // the answer shows under it.
    void testConnection();

    void reject() override;

private:
    AppSettings *m_settings;
    QComboBox *m_language;
    QComboBox *m_theme;
    QSpinBox *m_fontSize;
    QCheckBox *m_mentions;
    QCheckBox *m_watched;
    QCheckBox *m_closeToTray;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_burst;
    QSpinBox *m_jitter;
    QLineEdit *m_archive;
    QLineEdit *m_archivePassword;
    QPushButton *m_testConnection;
    QLabel *m_connection;
    QPushButton *m_ok = nullptr;
    SecretStore *m_secrets;
    QFutureWatcher<ServerArchive::Check> m_check;
    bool m_savingPassword = false;

    // OK: refuses an address that is not one, keeps a typed password.
    void save();
    void runCheck(const QString &location, const QString &password);
    void showConnection(const QString &text);
};

} // namespace gd
