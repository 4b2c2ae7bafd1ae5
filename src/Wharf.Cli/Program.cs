Console.WriteLine("wharf");
