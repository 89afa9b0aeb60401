// The inspector speaks the chosen language: Preferences stores the choice, and UiLanguage loads
// our .qm (from <bin>/../share/folkrnn-inspector/translations, as installed) and Qt's own.
#include "PreferencesDialog.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>
#include <QtTest>

using folkrnn::gui::PreferencesDialog;
using folkrnn::gui::UiLanguage;

class TestUiLanguage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep the user's settings out of it
        QCoreApplication::setOrganizationName(QStringLiteral("folk-rnn-test"));
        QCoreApplication::setApplicationName(QStringLiteral("test_ui_language"));
        QSettings().clear();
    }

    void cleanup()
    {
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QSettings().clear();
        QLocale::setDefault(QLocale::c());
    }

    void preferencesStoreTheChoice()
    {
        QCOMPARE(UiLanguage::choice(), QString());
        PreferencesDialog dialog;
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 4);
        QCOMPARE(combo->currentIndex(), 0); // System default
        combo->setCurrentIndex(combo->findData(QStringLiteral("de")));
        dialog.accept();
        QCOMPARE(UiLanguage::choice(), QStringLiteral("de"));
        PreferencesDialog again;
        QCOMPARE(again.language(), QStringLiteral("de"));
        again.findChild<QComboBox *>(QStringLiteral("language"))->setCurrentIndex(0);
        again.accept();
        QCOMPARE(UiLanguage::choice(), QString());
        UiLanguage::setChoice(QStringLiteral("xx")); // an unknown code means "system"
        QCOMPARE(UiLanguage::choice(), QString());
    }

    void translationsAreFoundBesideTheBinary()
    {
        QVERIFY2(QFileInfo::exists(UiLanguage::translationsDir() + QStringLiteral("/folkrnn-inspector_sv.qm")),
                 qPrintable(UiLanguage::translationsDir()));
        QVERIFY(QFileInfo::exists(UiLanguage::translationsDir() + QStringLiteral("/folkrnn-inspector_de.qm")));
    }

    void loadsTheChosenLanguage_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("cancel");
        QTest::newRow("sv") << "sv" << "&Arkiv" << "Avbryt";
        QTest::newRow("de") << "de" << "&Datei" << "Abbrechen";
        QTest::newRow("en") << "en" << "&File" << "Cancel";
    }

    void loadsTheChosenLanguage()
    {
        QFETCH(QString, code);
        QFETCH(QString, file);
        QFETCH(QString, cancel);
        UiLanguage::setChoice(code);
        const int loaded = UiLanguage::install(qApp);
        QCOMPARE(QCoreApplication::translate("folkrnn::gui::MainWindow", "&File"), file);
        if (code == QLatin1String("en")) {
            QCOMPARE(loaded, 0);
            return;
        }
        // Both ours and Qt's (qt6-translations-l10n), which translates the dialog buttons.
        if (loaded < 2)
            QSKIP("Qt's own translations are not installed (Debian package qt6-translations-l10n)");
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), cancel);
        QCOMPARE(QLocale().language(), UiLanguage::localeFor(code).language());
    }

    void followsTheSystemWhenNothingIsChosen()
    {
        // QLocale::system() reads LANG/LANGUAGE once at start-up: check the mapping, not the environment.
        QCOMPARE(UiLanguage::localeFor(QString()), QLocale::system());
        QCOMPARE(UiLanguage::localeFor(QStringLiteral("sv")).language(), QLocale::Swedish);
    }
};

QTEST_MAIN(TestUiLanguage)
#include "test_ui_language.moc"
