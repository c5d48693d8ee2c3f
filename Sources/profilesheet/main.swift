print("profilesheet")
