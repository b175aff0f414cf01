from dashboard.ui import briefing

briefing.run()
